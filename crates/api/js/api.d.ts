
// ---------------------------------------------------------------------------
// The public API (hand-written; the id unions above are generated).
//
// Importing the package instantiates the WebAssembly module: in browsers with
// top-level await (the import resolves once the module is ready), in Node
// synchronously. There is no init call. Nothing is sent anywhere.
// ---------------------------------------------------------------------------

/** The usual level of an explanation: explanations alone never call for more. */
export type ExplanationLevel = 'self_care' | 'routine';

/** One possible explanation, best first. */
export interface Explanation {
  id: ExplanationId;
  /** Plain name, in the chosen language. */
  name: string;
  level: ExplanationLevel;
  /** For ranking only (a posterior probability): show words, not this number. */
  score: number;
  /** The findings that raised this explanation most, strongest first. */
  reasons: FindingId[];
}

/** A safety rule that fired. */
export interface FiredRule {
  /** E1 … E14, U1 … U12, R1 … R10. */
  id: RuleId;
  level: Exclude<Triage, 'self_care'>;
  /** The findings that made it fire. */
  because: FindingId[];
}

/** The result for the answers so far. */
export interface Assessment {
  triage: Triage;
  explanations: Explanation[];
  rules: FiredRule[];
  /** Unknown findings that could still make an emergency or urgent rule fire. */
  unanswered: FindingId[];
  /** True when `unanswered` is empty. */
  complete: boolean;
  /** What to do now, in the chosen language, most important first. */
  advice: string[];
  /**
   * True when a cause an emergency rule yields to leads this emergency
   * (rule C1, `yields_to`: an infection behind a blocked bladder, named by
   * an urgent rule or by another emergency rule) and the second explanation
   * is the cause that rule names: show that one too, whatever its score; it
   * is the danger `advice` speaks of. (Beyond the spec's shape.)
   */
  second_is_the_emergency: boolean;
}

export type QuestionKind = 'one' | 'many' | 'checklist' | 'yesno' | 'number';

export interface QuestionOption<V extends string = string> {
  value: V;
  label: string;
}

/** The question `Q`, as `next()` returns it. */
export interface QuestionOf<Q extends QuestionId> {
  id: Q;
  kind: QuestionKinds[Q];
  /** The finding it sets (absent for checklists, whose options are findings). */
  finding?: FindingId;
  text: string;
  hint?: string;
  /** For one, many and checklist questions. */
  options?: QuestionOption<OptionValues[Q]>[];
}

/** Any question; narrow it by `id` or `kind`. */
export type Question = { [Q in QuestionId]: QuestionOf<Q> }[QuestionId];

export interface Options {
  /**
   * Language of the texts; default "en" (from `twitch-triage/es` or
   * `twitch-triage/zh-Hant`, that entry's language). A language whose texts
   * are not loaded throws `unsupported_language`.
   */
  lang?: Lang;
}

/** The answers as a Map, read by its entries like the object form. */
export type FindingsMap = ReadonlyMap<FindingId, Findings[FindingId]>;

/**
 * Classifies the answers so far (an object, or a Map). Throws a
 * TwitchTriageError on bad input, `not_an_object` for anything else (such
 * as a Promise not yet awaited).
 */
export declare function classify(findings: Findings | FindingsMap, options?: Options): Assessment;

/**
 * One person's interview, one question at a time. Its state is private to
 * it: a method called on anything but an Interview made by `new Interview()`
 * (a copy, `Object.create(Interview.prototype)`, a method taken off its
 * object) throws a TwitchTriageError of kind `not_an_interview`.
 */
export declare class Interview {
  #private;
  constructor(options?: Options);
  /** The next question, or null when there is enough to conclude. */
  next(): Question | null;
  /** Answers a question. A bad answer throws a TwitchTriageError and changes nothing. */
  answer<Q extends QuestionId>(questionId: Q, value: AnswerValues[Q]): void;
  /** Takes back the last answer; false when there was none. */
  back(): boolean;
  /** The result for the answers so far. */
  result(): Assessment;
  /** The answers so far. */
  answers(): Findings;
  /**
   * Frees the WebAssembly memory now, rather than when garbage-collected
   * (so does `Symbol.dispose`, for `using`). Afterwards every method (free
   * too) throws a TwitchTriageError of kind `freed`.
   */
  free(): void;
}

export type ErrorKind =
  | 'not_an_object'
  | 'unknown_finding'
  | 'wrong_type'
  | 'out_of_range'
  | 'unknown_value'
  | 'unknown_question'
  | 'wrong_answer_shape'
  | 'unsupported_language'
  | 'too_large'
  | 'duplicate_key'
  | 'unknown_option'
  | 'not_a_response'
  /** A method of an Interview called after its free(). */
  | 'freed'
  /** A method of Interview called on something that is not an Interview. */
  | 'not_an_interview';

/** Thrown for every refused input. */
export declare class TwitchTriageError extends Error {
  readonly name: 'TwitchTriageError';
  /** Machine-readable kind of error. */
  readonly kind: ErrorKind;
  /** The offending finding id, question id or argument name. */
  readonly key: string;
  /** What was expected, in words. */
  readonly expected: string;
}

export interface LevelInfo {
  id: Triage;
  title: string;
  action: string;
}

export interface FindingInfo {
  id: FindingId;
  type: 'bool' | 'int' | 'one' | 'set';
  label: string;
  question: QuestionId;
  values?: QuestionOption[];
  min?: number;
  max?: number;
}

export interface ExplanationInfo {
  id: ExplanationId;
  name: string;
  level: ExplanationLevel;
  summary: string;
  todo: string[];
  safety_net: string;
  tell_doctor: string;
  sources: SourceId[];
}

export interface RuleInfo {
  id: RuleId;
  level: Exclude<Triage, 'self_care'>;
  advice: string;
  sources: SourceId[];
}

export interface SourceInfo {
  id: SourceId;
  title: string;
  publisher: string;
}

/** The knowledge base with its texts, for building your own interface. */
export interface Knowledge {
  lang: Lang;
  levels: LevelInfo[];
  findings: FindingInfo[];
  questions: Question[];
  explanations: ExplanationInfo[];
  rules: RuleInfo[];
  sources: SourceInfo[];
  texts: {
    yes: string;
    no: string;
    not_sure: string;
    none_of_these: string;
    emergency_medicines: string;
  };
}

export declare function knowledge(options?: Options): Knowledge;
