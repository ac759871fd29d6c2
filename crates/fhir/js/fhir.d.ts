// Types of twitch-triage/fhir: the FHIR R4 export (docs/FHIR.md).
import type { Findings, FindingsMap, Lang, Options } from './index.js';

/** A FHIR R4 Coding. */
export interface FhirCoding {
  system: string;
  code: string;
  display?: string;
}

/** The parts of a FHIR R4 Questionnaire item this package writes (docs/FHIR.md). */
export interface FhirQuestionnaireItem {
  linkId: string;
  /** The finding's SNOMED CT code, where it has a well-known one. */
  code?: FhirCoding[];
  text?: string;
  type: 'group' | 'display' | 'choice' | 'integer';
  repeats?: boolean;
  readOnly?: boolean;
  enableWhen?: { question: string; operator: '=' | '!=' | '<' | '>='; answerCoding?: FhirCoding; answerInteger?: number }[];
  enableBehavior?: 'all' | 'any';
  answerOption?: { valueCoding: FhirCoding }[];
  extension?: { url: string; [value: string]: unknown }[];
  item?: FhirQuestionnaireItem[];
}

/** The knowledge base as a FHIR R4 Questionnaire. */
export interface FhirQuestionnaire {
  resourceType: 'Questionnaire';
  id: string;
  language: Lang;
  /** "urn:twitch-triage:questionnaire" (a name, not an address). */
  url: string;
  /** The knowledge base's version. */
  version: string;
  name: string;
  title: string;
  status: 'active';
  subjectType: ['Patient'];
  description: string;
  item: FhirQuestionnaireItem[];
}

/** An item of a response: an answer, or a group of them. */
export interface FhirResponseItem {
  linkId: string;
  text?: string;
  answer?: ({ valueCoding: FhirCoding } | { valueInteger: number })[];
  item?: FhirResponseItem[];
}

/**
 * One person's answers and result as a FHIR R4 QuestionnaireResponse. The
 * result is the group with linkId "assessment" (not a diagnosis): its items
 * "assessment.level", "assessment.rules", "assessment.explanations" (most
 * likely first) and "assessment.unanswered".
 */
export interface FhirQuestionnaireResponse {
  resourceType: 'QuestionnaireResponse';
  language: Lang;
  /** "urn:twitch-triage:questionnaire|<version>". */
  questionnaire: string;
  /** "completed", or "in-progress" while a safety question is open. */
  status: 'completed' | 'in-progress';
  authored: string;
  item: FhirResponseItem[];
}

/** The Questionnaire and the response in one file (what the element's "Download for your doctor" saves). */
export interface FhirBundle {
  resourceType: 'Bundle';
  type: 'collection';
  entry: [{ resource: FhirQuestionnaire }, { resource: FhirQuestionnaireResponse }];
}

export interface FhirOptions extends Options {
  /** When the answers were given, a FHIR dateTime ("2026-12-06T15:30:00Z"); default now, from the device's clock. */
  authored?: string;
  /** The Questionnaire and the response in one Bundle; default false. */
  bundle?: boolean;
}

/** The knowledge base as a FHIR R4 Questionnaire, with texts in `options.lang`. Made on the device. */
export declare function questionnaire(options?: Options): FhirQuestionnaire;

/**
 * The answers (as `classify` takes them; `null` records "Not sure") and
 * their result as a FHIR R4 QuestionnaireResponse, or with `bundle: true` a
 * Bundle holding the Questionnaire too. Made on the device: nothing is sent.
 */
export declare function toFhir(findings: Findings | FindingsMap, options: FhirOptions & { bundle: true }): FhirBundle;
export declare function toFhir(findings: Findings | FindingsMap, options?: FhirOptions): FhirQuestionnaireResponse;

/**
 * The answers of a QuestionnaireResponse that `toFhir` made (or of its
 * Bundle), as an object or JSON text; `classify` gives the same result.
 * Throws `not_a_response` for anything else, and the errors of `classify`
 * for bad answers.
 */
export declare function fromFhir(resource: object | string): Findings;
