import { Injectable, OnModuleInit } from '@nestjs/common';
import { FieldNode, Kind, SelectionSetNode } from 'graphql';
import { CompiledReads, CompiledRootRequest, MAX_PAGE_SIZE, NOT_COMPILED } from '@accord/common';
import { mayReadEveryDelegation } from '@accord/policy';

/** The fact Participant.members needs: the caller may read every participant's members. */
export const READ_EVERY_DELEGATION = 'participant.readMembers:every';

/** The page of the first `$1` participants in name order, as ParticipantsRepository.page reads it. */
const PAGE = 'SELECT p.* FROM participants p ORDER BY p.name, p.id LIMIT $1';

/** The one plain field `name` of a selection set (alias allowed), or null if it holds anything else. */
function onlyField(selection: SelectionSetNode, name: string): FieldNode | null {
  const [field, ...more] = selection.selections;
  if (more.length || field?.kind !== Kind.FIELD || field.name.value !== name) return null;
  if (field.arguments?.length || field.directives?.length || !field.selectionSet) return null;
  return field;
}

/**
 * `participants(first:)` as one statement (see CompiledReads): the first page in name order,
 * unfiltered, selecting `edges { node { … } }` only (cursors, pageInfo and totalCount go the
 * usual way). Participant.members compiles only for a caller the policy lets read every
 * delegation's members (the secretariat); for others it falls back to the resolvers, which
 * decide per participant.
 */
@Injectable()
export class ParticipantsCompiledRead implements OnModuleInit {
  /**
   * The statement per selection and decision on members: Apollo keeps one parsed document per
   * query text, so a client repeating its read does not have it compiled again.
   */
  private readonly statements = new WeakMap<SelectionSetNode, Map<boolean, string | null>>();

  constructor(private readonly reads: CompiledReads) {}

  onModuleInit(): void {
    this.reads.declareFields('Participant', {
      members: {
        fact: READ_EVERY_DELEGATION,
        hidden: 'FALL_BACK',
        type: 'DelegationMember',
        list: true,
        table: 'delegation_memberships',
        parentKey: 'participantId',
        scope: { Participant: (member, roots) => `${member}."participantId" IN ${roots}` },
        // As MembersByParticipantLoader reads them.
        orderBy: (member) => `${member}."createdAt"`,
      },
    });
    this.reads.declareFields('DelegationMember', {
      role: { column: (row) => `${row}.role` },
      user: {
        type: 'User',
        list: false,
        table: 'users',
        on: (member, user) => `${user}.id = ${member}."userId"`,
      },
    });
    this.reads.declareRoot('participants', (request) => this.answer(request));
  }

  private async answer({
    args,
    selection,
    compileRows,
    runAsCaller,
  }: CompiledRootRequest): Promise<unknown> {
    const { filter, after, first } = args;
    if (filter != null || after != null || !selection) return NOT_COMPILED;
    if (typeof first !== 'number' || !Number.isInteger(first)) return NOT_COMPILED;
    if (first < 1 || first > MAX_PAGE_SIZE) return NOT_COMPILED;
    const edges = onlyField(selection, 'edges');
    const node = edges && onlyField(edges.selectionSet!, 'node');
    if (!edges || !node) return NOT_COMPILED;
    const key = (field: FieldNode) => `'${(field.alias ?? field.name).value}'`;
    const compile = (every: boolean) =>
      compileRows(
        'Participant',
        node.selectionSet!,
        {
          source: `(${PAGE})`,
          roots: `(SELECT r.id FROM (${PAGE}) r)`,
          orderBy: 'r0.name, r0.id',
          wrap: {
            row: (object) => `json_build_object(${key(node)}, ${object})`,
            list: (list) => `json_build_object(${key(edges)}, ${list})`,
          },
        },
        { [READ_EVERY_DELEGATION]: every },
      );
    const statement = (every: boolean) => this.remembered(selection, every, compile);
    if (statement(true) === null) return NOT_COMPILED;
    return runAsCaller((actor) => {
      const sql = statement(mayReadEveryDelegation(actor));
      return sql === null ? null : { sql, params: [first] };
    });
  }

  private remembered(
    selection: SelectionSetNode,
    every: boolean,
    compile: (every: boolean) => string | null,
  ): string | null {
    let known = this.statements.get(selection);
    if (!known) this.statements.set(selection, (known = new Map()));
    if (!known.has(every)) known.set(every, compile(every));
    return known.get(every)!;
  }
}
