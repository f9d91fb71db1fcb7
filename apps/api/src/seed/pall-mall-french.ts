/**
 * The French authentic texts of the demo documents, written for this project: a rendering of
 * the English paraphrases in pall-mall.json (not the official French texts), in the register of
 * French diplomatic drafting. Clauses are listed in the order of their English originals.
 */
export interface FrenchText {
  title: string;
  clauses: string[];
}

export const FRENCH: Record<string, FrenchText> = {
  'pall-mall-declaration-2024': {
    title:
      'Le Processus de Pall Mall\u00a0: lutter contre la prolifération et l’utilisation irresponsable des capacités commerciales d’intrusion cyber',
    clauses: [
      'Des participants issus d’États, d’organisations internationales, de l’industrie, du monde universitaire et de la société civile se sont réunis à Londres, lors d’une conférence organisée par le Royaume-Uni et la France, sur la prolifération et l’utilisation irresponsable des capacités commerciales d’intrusion cyber.',
      'Nous engageons un processus inclusif, mondial et multipartite visant à définir des principes directeurs et des options de politique publique à l’intention des États, de l’industrie et de la société civile en ce qui concerne le développement, la facilitation, l’acquisition et l’utilisation des capacités d’intrusion cyber disponibles dans le commerce.',
      'L’essor du marché commercial de ces capacités suscite des préoccupations pour la sécurité nationale, les droits de l’homme et les libertés fondamentales, la paix et la sécurité internationales, ainsi que pour un cyberespace libre, ouvert, pacifique, stable et sûr.',
      'Ce marché élargit le cercle des acteurs ayant accès à de telles capacités et, partant, les possibilités d’utilisation malveillante ou irresponsable.',
      'Les travaux futurs s’articuleront autour de quatre piliers\u00a0: la responsabilité, la précision, le contrôle et la transparence.',
      'Les participants se réuniront de nouveau à Paris en 2025.',
    ],
  },
  'code-of-practice-for-states-2025': {
    title: 'Code de bonnes pratiques pour les États du Processus de Pall Mall',
    clauses: [
      'Avant-propos',
      'Le présent Code de bonnes pratiques, volontaire et non contraignant, s’appuie sur le Processus de Pall Mall lancé en 2024, en reconnaissant les utilisations légitimes des capacités commerciales d’intrusion cyber ainsi que les risques liés à leur prolifération.',
      'Bonnes pratiques à l’intention des États',
      'Les États mettent en place des cadres nationaux régissant le développement, la facilitation, l’acquisition et l’utilisation responsables de ces capacités, conformément au droit international.',
      'Les États prennent des mesures à l’encontre des fournisseurs qui vendent de manière irresponsable ou illicite, et protègent les droits de l’homme dans leur propre utilisation de ces capacités.',
    ],
  },
  'code-of-practice-for-industry-draft': {
    title: 'Processus de Pall Mall\u00a0: Code de bonnes pratiques pour l’industrie (projet)',
    clauses: [
      'Avant-propos',
      'S’appuyant sur la Déclaration du Processus de Pall Mall de février 2024 et sur le Code de bonnes pratiques pour les États d’avril 2025, le présent Code, d’application volontaire, énonce de bonnes pratiques à l’intention des entreprises qui développent ou vendent des capacités commerciales d’intrusion cyber, ou qui servent d’intermédiaires dans leur vente.',
      'Reconnaissant que ces capacités peuvent servir des fins légitimes lorsqu’elles sont utilisées [conformément au droit international][dans le respect du droit international des droits de l’homme], et que leur prolifération crée des risques pour tous.',
      'Bonnes pratiques à l’intention de l’industrie',
      'Les entreprises [devraient exercer][exercent] une diligence raisonnable à l’égard de leurs clients potentiels, y compris au regard de leur bilan en matière de droits de l’homme, avant toute vente.',
      'Les entreprises tiennent un registre des ventes et des transferts et le mettent, sur demande, à la disposition [des autorités nationales][d’un organe de contrôle indépendant].',
      'Les entreprises ne fournissent pas sciemment de vulnérabilités ou d’exploits à des acteurs qui [les utilisent de manière irresponsable][font l’objet de sanctions pour en avoir fait un usage abusif].',
      // Translated from the first wording; the clause was edited afterwards: the stale one.
      'Les entreprises mettent en place des canaux de signalement des utilisations abusives et donnent suite aux signalements crédibles.',
      'Suivi',
      'Les participants réexaminent le présent Code lors de leur prochaine réunion plénière.',
    ],
  },
};
