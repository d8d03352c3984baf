/**
 * Turning a message as people type it into the plain English words the rest of the
 * understanding step reads: lowercase, no accents or punctuation, contractions and chat
 * shorthand spelled out, and French and Spanish question words, connectors and the main
 * terms of the field put into English. Replies stay in English; this only lets the
 * question in.
 */
import { normalize } from "../../knowledge/normalize.js";

/**
 * Phrases (already normalised: lowercase, no accents or apostrophes) and what they mean in
 * English. Longer phrases are replaced first. An empty meaning drops the words.
 */
const PHRASES: ReadonlyArray<readonly [string, string]> = [
  // English contractions and chat shorthand (apostrophes are already gone: "what's" → "whats").
  ["whats", "what is"],
  ["whos", "who is"],
  ["wheres", "where is"],
  ["whens", "when is"],
  ["hows", "how is"],
  ["thats", "that is"],
  ["theres", "there is"],
  ["whatre", "what are"],
  ["whore", "who are"],
  ["dont", "do not"],
  ["doesnt", "does not"],
  ["isnt", "is not"],
  ["r", "are"],
  ["u", "you"],
  ["ur", "your"],
  ["pls", "please"],
  ["plz", "please"],
  ["thx", "thanks"],
  ["abt", "about"],
  ["w", "with"],
  ["wrt", "about"],
  ["re", "about"],
  ["teh", "the"],
  ["waht", "what"],
  ["wat", "what"],
  ["wht", "what"],
  ["whta", "what"],
  ["hwo", "who"],
  ["whoi", "who"],
  ["q", "question"],
  // Lowercased, "US" and "UN" are "us" and a French article: the cases that still say which.
  ["the us", "the united states"],
  ["america", "united states"],
  ["washington", "united states"],
  ["american", "united states"],
  ["usa", "united states"],
  ["fr", "for"],
  ["adopte", "adopted"],
  ["adoptee", "adopted"],
  ["the un", "the united nations"],
  // French
  ["qu est ce que c est que", "what is"],
  ["qu est ce que c est", "what is"],
  ["qu est ce que", "what is"],
  ["qu est ce qu", "what is"],
  ["c est quoi", "what is"],
  ["c koi", "what is"],
  ["cest koi", "what is"],
  ["c quoi", "what is"],
  ["koi", "what"],
  ["exactement", "exactly"],
  ["exactamente", "exactly"],
  ["fais moi une note", "briefing"],
  ["fais moi", ""],
  ["une note sur", "briefing about"],
  ["note sur", "briefing about"],
  ["font partie", "are members"],
  ["fait partie", "is member"],
  ["incluent", "include"],
  ["inclut", "includes"],
  ["fondations", "foundations"],
  ["fondation", "foundation"],
  ["entreprises", "companies"],
  ["ong", "ngos"],
  ["universites", "universities"],
  ["sans", "without"],
  ["aucun", "no"],
  ["aucune", "no"],
  ["y a t il", "are there"],
  ["difference entre", "difference between"],
  ["ds", "in"],
  ["avant", "before"],
  ["cest quoi", "what is"],
  ["c est qui", "who is"],
  ["qui est", "who is"],
  ["qui sont", "who are"],
  ["qui accueille", "who hosts"],
  ["qui heberge", "who hosts"],
  ["qui finance", "who funds"],
  ["qui la finance", "who funds it"],
  ["qui le finance", "who funds it"],
  ["qui les finance", "who funds them"],
  ["est finance par qui", "who funds"],
  ["est financee par qui", "who funds"],
  ["finance par qui", "who funds"],
  ["qu a dit", "what did say"],
  ["qua dit", "what did say"],
  ["a dit", "said"],
  ["pense", "thinks"],
  ["dit", "said"],
  ["est elle", "is"],
  ["est il", "is"],
  ["a ete", ""],
  ["quand", "when"],
  ["ou se trouve", "where is"],
  ["quel", "which"],
  ["quelle", "which"],
  ["quels", "which"],
  ["quelles", "which"],
  ["partenariat", "partnership"],
  ["partenariats", "partnerships"],
  ["membres", "members"],
  ["legitime", "legitimate"],
  ["legitimes", "legitimate"],
  ["legitimite", "legitimacy"],
  ["legitimite des intrants", "input legitimacy"],
  ["legitimite par les intrants", "input legitimacy"],
  ["legitimite des resultats", "output legitimacy"],
  ["legitimite par les resultats", "output legitimacy"],
  ["multialignement", "multialignment"],
  ["monde multipartenaire", "multipartner world"],
  ["monde multipolaire", "multipolar world"],
  ["monde ouvert", "open world"],
  ["menaces mondiales", "global threats"],
  ["menaces geopolitiques", "geopolitical threats"],
  ["accord de paris", "paris agreement"],
  ["pacte pour l avenir", "pact for the future"],
  ["pacte numerique mondial", "global digital compact"],
  ["otan", "nato"],
  ["onu", "united nations"],
  ["nations unies", "united nations"],
  ["odd", "sdg"],
  ["objectifs de developpement durable", "sdgs"],
  ["objectif de developpement durable", "sdg"],
  ["objectifs mesurables", "measurable goals"],
  ["mesurables", "measurable"],
  ["couvre", "covers"],
  ["changement climatique", "climate change"],
  ["philanthropies", "philanthropy"],
  ["comparer", "compare"],
  ["comparez", "compare"],
  ["et", "and"],
  ["sur", "about"],
  ["pour", "for"],
  ["demain", "tomorrow"],
  ["reunion", "meeting"],
  ["svp", "please"],
  ["stp", "please"],
  ["merci", "thanks"],
  ["fiche", "briefing"],
  ["note d information", "briefing"],
  ["le", ""],
  ["la", ""],
  ["les", ""],
  ["l", ""],
  ["d", ""],
  ["du", ""],
  ["des", ""],
  ["de", ""],
  ["un", ""],
  ["une", ""],
  ["au", ""],
  ["aux", ""],
  // Spanish
  ["que es", "what is"],
  ["forman parte", "are members"],
  ["forma parte", "is member"],
  ["diferencia entre", "difference between"],
  ["diferencia", "difference"],
  ["metas medibles", "measurable goals"],
  ["medibles", "measurable"],
  ["tienen", "have"],
  ["alianza", "alliance"],
  ["preparame", "prepare"],
  ["porfa", "please"],
  ["hay", "are there"],
  ["sin", "without"],
  ["ningun", "no"],
  ["ninguna", "no"],
  ["fundaciones", "foundations"],
  ["empresas", "companies"],
  ["que son", "what are"],
  ["quien es", "who is"],
  ["quienes son", "who are"],
  ["quienes son los miembros", "who are the members"],
  ["quien la financia", "who funds it"],
  ["quien lo financia", "who funds it"],
  ["quien financia", "who funds"],
  ["quien acoge", "who hosts"],
  ["que dijo", "what did say"],
  ["dijo", "said"],
  ["opina", "thinks"],
  ["piensa", "thinks"],
  ["donde tiene su sede", "where is headquartered"],
  ["donde esta", "where is"],
  ["sede", "headquarters"],
  ["cuando se fundo", "when founded"],
  ["cuando", "when"],
  ["se fundo", "founded"],
  ["fundo", "founded"],
  ["fundada", "founded"],
  ["fundado", "founded"],
  ["es legitima", "is legitimate"],
  ["es legitimo", "is legitimate"],
  ["legitima", "legitimate"],
  ["legitimo", "legitimate"],
  ["legitimidad", "legitimacy"],
  ["legitimidad de insumos", "input legitimacy"],
  ["legitimidad de entrada", "input legitimacy"],
  ["legitimidad de origen", "input legitimacy"],
  ["legitimidad de resultados", "output legitimacy"],
  ["legitimidad por resultados", "output legitimacy"],
  ["legitimidad de salida", "output legitimacy"],
  ["multialineamiento", "multialignment"],
  ["mundo multipolar", "multipolar world"],
  ["mundo abierto", "open world"],
  ["amenazas globales", "global threats"],
  ["amenazas geopoliticas", "geopolitical threats"],
  ["acuerdo de paris", "paris agreement"],
  ["pacto para el futuro", "pact for the future"],
  ["pacto digital global", "global digital compact"],
  ["ods", "sdg"],
  ["objetivos de desarrollo sostenible", "sdgs"],
  ["objetivos medibles", "measurable goals"],
  ["asociacion", "partnership"],
  ["asociaciones", "partnerships"],
  ["alianzas", "partnerships"],
  ["miembros", "members"],
  ["combaten", "tackle"],
  ["combate", "tackles"],
  ["incluyen", "include"],
  ["filantropias", "philanthropy"],
  ["filantropia", "philanthropy"],
  ["cambio climatico", "climate change"],
  ["resumen", "briefing"],
  ["quiero saber sobre", "tell me about"],
  ["hablame de", "tell me about"],
  ["compara", "compare"],
  ["comparar", "compare"],
  ["manana", "tomorrow"],
  ["por favor", "please"],
  ["gracias", "thanks"],
  ["sobre", "about"],
  ["para", "for"],
  ["y", "and"],
  ["el", ""],
  ["los", ""],
  ["las", ""],
  ["del", ""],
  ["su", ""],
  ["una", ""],
];

const PHRASE_MAP = new Map(PHRASES.map(([phrase, meaning]) => [phrase, meaning]));
const LONGEST_PHRASE = Math.max(...PHRASES.map(([phrase]) => phrase.split(" ").length));

/** French elision (l'OTAN, qu'est-ce, c'est, d'Agenda) becomes two words before apostrophes are dropped. */
const ELISION = /\b(l|d|j|c|s|n|qu)['’](?=\p{L})/giu;
/** "NATO's", "Gavi’s": the possessive says nothing the name does not ("who's", "what's" are not possessives). */
const POSSESSIVE = /\b(\p{L}+)['’]s\b/gu;
const CONTRACTED_IS = new Set(["who", "what", "where", "when", "how", "it", "that", "there", "here", "he", "she", "what", "let", "why"]);
const dropPossessive = (match: string, word: string) => (CONTRACTED_IS.has(word.toLowerCase()) ? match : word);
/** "SDG7", "goal16", "ODD7": a goal and its number. */
const GOAL_NUMBER = /\b(sdg|sdgs|goal|odd|ods)(\d{1,2})\b/g;
/** "COP28", "COP 29": one of the yearly conferences of the parties. */
const NUMBERED_COP = /\bcop\s?\d{1,2}\b/g;

/** "US", "U.S." and "UN" typed as capitals are the country and the organisation, whatever the case rules below. */
const CAPITAL_ACRONYMS: ReadonlyArray<readonly [RegExp, string]> = [
  [/\bU\.?S\.?A?\b(?!\.\w)/g, " United States "],
  [/\bUN\b/g, " United Nations "],
];

/** A message as English words, in order; what each word was typed as is not kept. */
export function readWords(message: string): string[] {
  let text = message.replace(ELISION, "$1 ").replace(POSSESSIVE, dropPossessive);
  for (const [pattern, name] of CAPITAL_ACRONYMS) text = text.replace(pattern, name);
  const normalised = normalize(text).replace(NUMBERED_COP, "cop").replace(GOAL_NUMBER, "$1 $2");
  const words = normalised.split(" ").filter(Boolean);
  const out: string[] = [];
  for (let at = 0; at < words.length; ) {
    let replaced = false;
    for (let length = Math.min(LONGEST_PHRASE, words.length - at); length > 0; length--) {
      const meaning = PHRASE_MAP.get(words.slice(at, at + length).join(" "));
      if (meaning === undefined) continue;
      if (meaning) out.push(...meaning.split(" "));
      at += length;
      replaced = true;
      break;
    }
    if (!replaced) out.push(words[at++] as string);
  }
  return out;
}
