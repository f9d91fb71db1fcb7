import { ParticipantKind } from '@accord/common';
import data from './pall-mall.json';

/** The real facts of the Pall Mall Process, copied from shared/data into the project (see its `about`). */
export interface PallMallData {
  participants: { name: string; kind: ParticipantKind; countryCode?: string }[];
  meetings: {
    key: string;
    title: string;
    city: string;
    venue: string | null;
    timezone: string;
    startsAt: string;
    endsAt: string;
    hosts: string[];
    follows?: string;
    status: string;
  }[];
  documents: {
    slug: string;
    title: string;
    kind: string;
    eligibleKinds: ParticipantKind[];
    adoptedAt: string;
    adoptedAt_meeting: string;
    clausesParaphrased: { kind: string; text: string }[];
  }[];
  signatures: { document: string; participant: string; uncertain?: boolean; note?: string }[];
  attendedButDidNotSign: { document: string; participant: string }[];
}

export const PALL_MALL = data as unknown as PallMallData;
