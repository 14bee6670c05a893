/**
 * Type and source read from an indicator's wording, for indicators the catalogue does not know.
 * The rules follow Module 1 of the framework (004_67d49ac43a78e918.txt):
 *   - quantity answers "how much / how many?": counts, totals, rates per head of population;
 *   - quality answers "how well did we do it?": percentages of things done well, audited as
 *     good, done within timescales, seen, visited, attended, and the experience of being served;
 *   - outcome answers "is anyone better off?": harm stopped or reduced, repeat referrals, children
 *     and parents saying they are safer or happier, wider outcomes (exclusions, admissions).
 * Timeliness ("% within 15 working days", "% within timescales") is quality, because Module 5
 * puts every such percentage in its Quality column ("% of CP/CIN cases reviewed within
 * timescales", "% of allegations ... completed within recommended timescales") and the catalogue
 * does the same; a COUNT of things done in time ("Number of ... assessments completed in
 * timescale") stays quantity. Module 1's remark that timeliness "tells us nothing about the
 * quality of that assessment" is why it is never outcome.
 */
import type { InformationSource, InformationType } from "../model";
import { wordText } from "./text";

/** True when any of the patterns matches the expanded, space-padded text. */
function any(text: string, patterns: readonly RegExp[]): boolean {
  return patterns.some((p) => p.test(text));
}

const OUTCOME_CUES: readonly RegExp[] = [
  / rereferral/, / second or subsequent /, / previously /, / repeat /, / repeated /, / ceased /, / stopped /, / stops? /,
  / no longer /, / no further /, / re ?occur/, / removed /, / reduc(?:e|ed|tion|ing) /, / increase /, / decrease /,
  / improve(?:d|ment|ments)? (?:outcome|wellbeing|safety|parenting)/, / improvements? /, / desired (?:safety and wellbeing )?outcomes? /,
  / outcomes? (?:are |were |have been )?achieved /, / deliver desired outcomes /, / better off /, / thriving /, / doing well /,
  / healthy /, / stability /, / stable /, / exclusions? /, / excluded /, / persistent absence /, / attainment /, / conceptions? /,
  / admissions? /, / deaths? /, / injur(?:y|ies) /, / safer /, / feel safe /, / happ(?:y|ier) /,
  / positive (?:impact|improvement|improvements|difference) /, / made a difference /, / helpful /,
  / living in poverty /, / workless /, / overcrowd/, / non decent /, / homeless /, / temporary accommodation /,
  / free school meals /, / first time entrants /, / re ?offending /, / education employment or training /, / neet /, / eet /,
  / breastfeeding /, / immunis/, / obes/,
];

/**
 * A percentage is quality unless it is an outcome (Module 1's quality examples are all
 * percentages of things done well). A figure that is neither a percentage nor a count is quality
 * only on a strong cue; otherwise it is a count of something ("A&E attendances for self-harm").
 */
const QUALITY_CUES: readonly RegExp[] = [
  / audit(?:ed)? as /, / quality /, / good or better /, / good standard /, / within timescale /,
  / within \d+ (?:working )?(?:days?|hours?|weeks?|months?) /, / timeliness /, / complian/, / attendance at /,
  / attended by /, / uptodate /, / seen alone /, / participat/,
];

const OUTCOME_VOICE: readonly RegExp[] = [
  / safe/, / happ/, / better /, / improve/, / helped /, / helpful /, / difference /, / wellbeing /, / someone to (?:turn|talk) to /, / feel supported /,
];

/** "Reported" alone is not a voice ("reported to police"); "report that / they / feeling" is. */
const VOICE_VERBS = / (?:say|said|says|saying|tell|told|feel|felt|feeling|feels|believe|believes|think|thought|describe|describing|rated|agree|agreed|satisfied|satisfaction|surveyed|survey|views|feedback|consulted|confident|recommend) | (?:report|reported|reporting|reports) (?:that|they|feeling|feel|being|having|positive|positively|improve|improved|an?) /;

const CHILD_SUBJECTS = / (?:child|children|childrens|young|parents?|carers?|famil(?:y|ies)|mothers?|fathers?|victims?|service users?|pupils?|care leavers?|looked after children|adopters?) /g;
const STAFF_SUBJECTS = / (?:staff|practitioners?|professionals?|managers?|workers?|social workers?|supervisees?|midwives|midwife|health visitor|teachers?|referrers?|gps?|officers?|employees?|workforce|learners?|trainees?|delegates?) /g;

/** Case-file audit, not any audit: a Section 11 audit is a return from an agency, not a case record. */
const CASE_RECORD_CUES: readonly RegExp[] = [
  / audited /, / (?:case|file|casefile|record|records|themed|multi agency|practice) audits? /, / audits? of (?:case|file|record)/,
  / case files? /, / case records? /, / dip sampl/, / file reviews? /, / chronolog/, / quality assur/,
];

/** Position of the first match of a global pattern, or Infinity. */
function firstIndex(text: string, pattern: RegExp): number {
  pattern.lastIndex = 0;
  const m = pattern.exec(text);
  pattern.lastIndex = 0;
  return m === null ? Infinity : m.index;
}

/** Whose voice an indicator carries, if it reports what people say or feel. */
export function voiceOf(name: string): "children_parents" | "frontline_staff" | null {
  const t = wordText(name);
  if (!VOICE_VERBS.test(t)) return null;
  const child = firstIndex(t, CHILD_SUBJECTS);
  const staff = firstIndex(t, STAFF_SUBJECTS);
  if (child === Infinity && staff === Infinity) return null;
  return staff < child ? "frontline_staff" : "children_parents";
}

function isProportion(t: string): boolean {
  return / percent /.test(t) || / ratio /.test(t) || (/ rate /.test(t) && !/ perhead /.test(t));
}

/** "Number of", "total", or a rate per head of population ("per 10,000"): how many. */
function isCount(t: string): boolean {
  return / number /.test(t) || / total /.test(t) || / perhead /.test(t);
}

export function inferType(name: string): InformationType {
  const t = wordText(name);
  // Module 1: quantity "simply answers how much / how many", whatever is counted ("Number of
  // children who ceased to be subject to a plan", "Number of parents surveyed").
  if (isCount(t) && !isProportion(t)) return "quantity";
  const voice = voiceOf(name);
  if (voice === "children_parents") return any(t, OUTCOME_VOICE) ? "outcome" : "quality";
  if (voice === "frontline_staff") return / outcomes? for child/.test(t) || / wellbeing of (?:child|famil)/.test(t) ? "outcome" : "quality";
  if (any(t, OUTCOME_CUES)) return "outcome";
  if (isProportion(t) || any(t, QUALITY_CUES)) return "quality";
  return "quantity";
}

export function inferSource(name: string): InformationSource {
  const voice = voiceOf(name);
  if (voice !== null) return voice;
  const t = wordText(name);
  if (any(t, CASE_RECORD_CUES)) return "case_records";
  return "management_information";
}
