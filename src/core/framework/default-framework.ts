/**
 * The default content-area framework: the areas, "what good looks like", scrutiny questions,
 * sources and methods, and example measures of "Developing a strategic quality assurance
 * framework to safeguard children", Modules 1-5 (004_67d49ac43a78e918.txt), with the candidate
 * indicator lists of the LSCB Performance Management Framework, Appendix 2
 * (003_535365384a188805.txt) placed in its areas.
 *
 * The summaries and questions are paraphrases, not quotations. Measure names are kept close to the
 * documents' wording because that is what people search for; where a document's measure only made
 * sense under its table heading ("% of these children ...") the subject has been written in.
 * Where a measure sets several alternative tests side by side (bullets), it is split when each
 * bullet is a measure in its own right and kept whole when the bullets describe one survey question.
 *
 * Pure data: no Node, DOM or Office APIs, so the browser bundle can import it.
 */
import type {
  CatalogueMeasure,
  ContentArea,
  Framework,
  InformationSource,
  InformationType,
} from "../model";

export const QA_FRAMEWORK_CITE = "004_67d49ac43a78e918.txt";
export const LSCB_APPENDIX_CITE = "003_535365384a188805.txt";

/** The nine content areas, named as ../shared/contract/CLI.md names them. */
export const AREA = {
  priority: "Priority service areas",
  vulnerable: "Vulnerable groups of children",
  risk: "Specific risk issues",
  partnership: "Partnership working",
  workforce: "Workforce",
  wisdom: "Safeguarding wisdom, supervision and support",
  culture: "Organisational culture",
  resources: "Use of resources and evidence-based practice",
  poverty: "The impact of poverty and poor housing",
} as const;
export type DefaultAreaName = (typeof AREA)[keyof typeof AREA];

/** Sub-areas: the headings Modules 1-5 use inside an area, plus a few that 003 needs. */
export const SUB = {
  // Priority service areas (Module 1; Module 5's three tables; Modules 2 and 3 for the rest)
  cpCin: "CP and CIN planning",
  frontDoor: "Children's social care front door",
  antenatal: "Antenatal support for vulnerable mothers",
  healthVisiting: "Health visiting for vulnerable families",
  adolescentMentalHealth: "Adolescent mental health services",
  aAndE: "A&E",
  // Vulnerable groups of children (Module 1's list; Module 2 and Module 5 headings)
  lac: "Looked after children",
  missingEducation: "Children missing education",
  missedAppointments: "Children who miss health appointments",
  noGp: "Children not registered with a GP",
  secureEstate: "Young people in the secure estate",
  gangs: "Gangs",
  disabled: "Disabled children",
  privateFostering: "Privately fostered children",
  mobile: "Children in highly mobile families",
  missingHomeCare: "Children missing from home or care",
  exploitation: "Children at risk of sexual exploitation or trafficking",
  // Specific risk issues (Module 1's three key risks; 003's Working Together categories)
  dv: "Domestic violence",
  amh: "Adult mental health",
  substance: "Parental substance misuse",
  abuseOutside: "Abuse outside the family",
  fgmForcedMarriage: "FGM and forced marriage",
  // Safeguarding wisdom, supervision and support (Modules 2-5)
  learning: "Safeguarding wisdom",
  supervision: "Safeguarding supervision and support",
  // Use of resources and evidence-based practice (Modules 2-4)
  ebp: "Evidence-based practice",
  useOfResources: "Use of resources",
  // The impact of poverty and poor housing (Modules 2, 4, 5)
  poverty: "Poverty",
  housing: "Poor housing and homelessness",
  otherWider: "Other wider picture issues",
} as const;

// ---------------------------------------------------------------------------------------------
// Catalogue builders

const QN: InformationType = "quantity";
const QL: InformationType = "quality";
const OC: InformationType = "outcome";

const CP: InformationSource = "children_parents";
const FS: InformationSource = "frontline_staff";
const CR: InformationSource = "case_records";
const MI: InformationSource = "management_information";

interface Alias {
  name: string;
  cite: string;
}
type Row =
  | readonly [InformationType, InformationSource, string]
  | readonly [InformationType, InformationSource, string, readonly Alias[]];

function measures(
  area: DefaultAreaName,
  subArea: string | null,
  cite: string,
  rows: readonly Row[],
): CatalogueMeasure[] {
  return rows.map((row) => {
    const measure: CatalogueMeasure = { name: row[2], area, subArea, type: row[0], source: row[1], cite };
    const aliases = row[3];
    if (aliases !== undefined && aliases.length > 0) measure.aliases = aliases.map((a) => ({ ...a }));
    return measure;
  });
}

/** An alias taken from the LSCB appendix. */
const in003 = (name: string): Alias => ({ name, cite: LSCB_APPENDIX_CITE });
/** An alias taken from the quality-assurance framework itself (a measure it lists twice). */
const in004 = (name: string): Alias => ({ name, cite: QA_FRAMEWORK_CITE });

// ---------------------------------------------------------------------------------------------
// Module 5 (004): example measures by area, sub-area and type

const module5: CatalogueMeasure[] = [
  // Priority service areas: CP and CIN planning
  ...measures(AREA.priority, SUB.cpCin, QA_FRAMEWORK_CITE, [
    [QN, MI, "Number of children subject to a child in need plan or child protection plan"],
    [QN, MI, "Number of children who ceased to be subject to a CP/CIN plan in the year", [in003("Numbers taken off the Child Protection List")]],
    [QN, MI, "Number of staff carrying CP/CIN cases"],
    [QL, CR, "% of CP/CIN cases which specify the desired safety and wellbeing outcomes for the child/family"],
    [QL, MI, "% of CP/CIN case children visited and seen at required minimum times"],
    [QL, CR, "% of visits where child seen alone"],
    [QL, CR, "% of cases audited in which the child remained the focus of professionals' attention"],
    [QL, CR, "% of cases audited in which the involvement and impact of men is addressed"],
    [QL, MI, "% of CP/CIN cases reviewed within timescales", [in003("Percentage of child protection cases which were reviewed within required timescales")]],
    [QL, CP, "% of cases where children and young people report they have a positive relationship with their Social Worker (SW)"],
    [QL, CP, "% of cases where parents report they are treated well by the professionals involved"],
    [QL, CR, "% of cases with up-to-date chronologies"],
    [QL, FS, "% of staff carrying CP/CIN cases who are positive about the quality and safety of CP/CIN work in their service"],
    [OC, CR, "% of CP/CIN cases in which the most important desired safety and wellbeing outcomes are achieved at point of closure"],
    [OC, CR, "% of CP/CIN cases in which the most important desired safety and wellbeing outcomes are still being achieved/maintained six, 12, or 18 months after closure"],
    [OC, MI, "% of closed cases subsequently re-referred in the next 12 months for the same reasons"],
    [OC, CP, "% of cases where the children and parents identified positive improvements in their safety and wellbeing as a result of the work arising from the CP/CIN plan"],
    [OC, MI, "% of children subject to CP plan who had previously been subject to a CP plan", [in003("Percentage of children becoming the subject of a Child Protection Plan for a second or subsequent time")]],
  ]),
  // Priority service areas: antenatal support for vulnerable mothers
  ...measures(AREA.priority, SUB.antenatal, QA_FRAMEWORK_CITE, [
    [QN, MI, "Number of mothers receiving antenatal services in the year"],
    [QN, MI, "Number of identified vulnerable mothers worked with by midwives (eg those for whom 'Concern and Vulnerability' form completed)"],
    [QN, MI, "Number of mothers with poor attendance at antenatal appointments"],
    [QL, CR, "% of vulnerable mothers seen at least once in their home by midwife"],
    [QL, CR, "% of cases of vulnerable mothers in which midwives evaluate the involvement and impact of the father or other men"],
    [QL, MI, "% of vulnerable mothers keeping 80% of antenatal appointments"],
    [QL, CR, "% of cases in which 'Concern & Vulnerability' form quality audited as good"],
    [QL, FS, "% of midwifery staff who are positive about the safety and quality of antenatal services"],
    [QL, FS, "% of cases where midwives report appropriate level of engagement by GP"],
    [QL, CP, "% of vulnerable mothers who reported they were satisfied with the way they were treated by the service"],
    [QL, FS, "% of surveyed professionals in partner agencies who spoke positively about the quality of the antenatal service"],
    [QL, MI, "% of mothers with poor attendance at appointments who were successfully re-engaged"],
    [OC, CR, "% of vulnerable mothers' cases in which the original concerns and areas of vulnerability had significantly reduced by the point of transfer to community services or where appropriate protective factors were in place"],
    [OC, CR, "% of vulnerable mother cases where the baby is healthy"],
    [OC, CR, "% of vulnerable mother cases where there is evidence of positive bonding starting"],
    [OC, CP, "% of vulnerable mothers who, at point of transfer to community health services, report and can evidence that the work of the antenatal service had a positive impact on them and their child"],
  ]),
  // Priority service areas: children's social care front door
  ...measures(AREA.priority, SUB.frontDoor, QA_FRAMEWORK_CITE, [
    [QN, MI, "Number of referrals to the service"],
    [QN, MI, "Number of initial or core assessments"],
    [QN, MI, "Number of initial or core assessments completed in timescale"],
    [QL, CP, "% of parents who said they were well treated by the service"],
    [QL, FS, "% of professionals in partner agencies who spoke positively about the quality of the service"],
    [QL, CR, "% of assessments reaching the organisation's quality standards"],
    [QL, CR, "% of cases where the referrer is given written confirmation of the outcomes of their referrals within agreed timescale"],
    [QL, CR, "% of referrals that were 'appropriate' in terms of agreed thresholds for children's social care"],
    [QL, CP, "% children and young people who felt their stories were considered seriously (and believed) when they reported them to the authorities"],
    [OC, CP, "% of children and young people who reported they felt safer as a result of social work contact"],
    [OC, CP, "% of parents who reported that their contact with the service was helpful"],
    [OC, FS, "% of referrers who report the safety and wellbeing of the child improved as a consequence of referral"],
    [OC, CR, "% of assessments that resulted in concrete improvements to the wellbeing and safety of the children"],
  ]),

  // Vulnerable groups of children
  ...measures(AREA.vulnerable, SUB.missedAppointments, QA_FRAMEWORK_CITE, [
    [QN, MI, "Number of children missing appointments"],
    [QL, MI, "% of children missing appointments who attend appointments regularly following proactive action"],
    [OC, CR, "% of children resuming appointments whose health outcomes are achieved"],
  ]),
  ...measures(AREA.vulnerable, SUB.noGp, QA_FRAMEWORK_CITE, [
    [QN, MI, "Number of children identified in the year as not being permanently registered with a GP"],
    [QL, MI, "% of children not permanently registered with a GP who became permanently registered during the year"],
  ]),
  ...measures(AREA.vulnerable, SUB.missingEducation, QA_FRAMEWORK_CITE, [
    [QN, MI, "Number of children identified as missing from education or seriously absconding at start of term", [in003("Children missing from school")]],
    [QL, MI, "% of children missing from education at start of term who were in education or attending regularly by end of term"],
  ]),
  ...measures(AREA.vulnerable, SUB.secureEstate, QA_FRAMEWORK_CITE, [
    [QN, MI, "Number of young people in STC/YOI"],
    [QN, MI, "Number of acts of violence in the year"],
    [QN, MI, "Number of acts of self harm"],
    [QN, MI, "Number of incidents involving physical restraint"],
    [QL, MI, "% of young people in STC/YOI who self-harm"],
    [OC, CP, "% of young people in STC/YOI who report they feel safe"],
    [OC, MI, "% increase/decrease in acts of violence"],
    [OC, MI, "% increase/decrease in incidents involving physical restraint"],
    [OC, MI, "% increase/decrease in acts of self-harm"],
  ]),
  ...measures(AREA.vulnerable, SUB.lac, QA_FRAMEWORK_CITE, [
    [QN, MI, "Number of looked after children", [in003("Number of looked after children")]],
    [QN, MI, "Number of care leavers aged up to 21 who have a child"],
    [QL, MI, "% of looked after children visited by social worker at the frequency specified by care plan"],
    [QL, CR, "% of visits to looked after children where children seen alone"],
    [QL, CR, "% of care leavers whose children's needs have been assessed"],
    [OC, CP, "% of looked after children who say they feel safe in their placement, school and community"],
    [OC, CP, "% of looked after children who say they are happy"],
    [OC, CP, "% of looked after children who say they have someone to turn to when they are unhappy"],
    [OC, CR, "% of children of care leavers who are thriving"],
  ]),

  // Specific risk issues: domestic violence
  ...measures(AREA.risk, SUB.dv, QA_FRAMEWORK_CITE, [
    [QN, MI, "Number of CP/CIN plan cases where DV was identified as a significant risk factor in the assessment"],
    [QN, MI, "Number of DV reports to police in 12 month period"],
    [QN, MI, "Number of different families involved in reports to police in this period"],
    [QN, MI, "Number of children involved in reports to police"],
    [QN, MI, "Number of perpetrators of DV in 12 month period"],
    [QN, MI, "Numbers of cases supervised by probation officers where DV is an issue"],
    [QL, CP, "% of victims of DV who thought their situation was taken seriously and understood by professionals"],
    [QL, CR, "% of families experiencing DV who received help through MARAC"],
    [QL, CR, "% of families experiencing DV who received help from an Independent Domestic Violence Adviser"],
    [QL, CR, "% of families experiencing DV who received an initial or core assessment or CAF"],
    [QL, CR, "% of cases quality audited by police that demonstrate the police considered the impact of the DV on the children and young people, and responded appropriately"],
    [QL, CP, "% of DV situations attended by police where victim/children felt well treated"],
    [QL, MI, "% of perpetrators accessing recognised DV programmes"],
    [QL, MI, "% of perpetrators completing DV programmes"],
    [QL, MI, "% of perpetrators prosecuted"],
    [QL, CR, "% of probation cases where the risk of harm from domestic violence is assessed and planned for to a good standard"],
    [OC, CR, "% of CP/CIN plan cases where, at point of closure, DV had ceased to be a cause of concern"],
    [OC, CP, "% of CP/CIN plan cases where victim parent reports at closure that they feel and are safe from DV"],
    [OC, CP, "% of CP/CIN plan cases where children and young people report that they are safe from DV and feel safe"],
    [OC, MI, "% of CP/CIN plan cases with DV where there were no repeat referrals for DV within subsequent six, 12, 18 months"],
    [OC, CR, "% of families receiving help in respect of DV where the children are doing well in terms of main areas of development eg education"],
    [OC, MI, "% of cases where MARAC held that DV ceased"],
    [OC, MI, "% of cases involving IDVAs where DV ceased"],
    [OC, MI, "% of families where there have been repeat reports to police of DV"],
    [OC, CP, "% of DV incidents attended by police, where the victim or children experienced police intervention as helpful"],
    [OC, MI, "% of perpetrators completing DV programmes who are not reported for committing DV in the subsequent six, 12, 18 months"],
    [OC, CP, "% of perpetrators completing DV programmes whose partners report no further DV in the subsequent six, 12, 18 months"],
    [OC, CR, "% of cases supervised by probation officers where DV is a known risk, in which DV does not re-occur"],
    [OC, MI, "% of prosecutions which result in an outcome that stops the DV"],
  ]),
  // Specific risk issues: adult mental health
  ...measures(AREA.risk, SUB.amh, QA_FRAMEWORK_CITE, [
    [QN, MI, "Number of adults receiving mental health services who have caring responsibility for children or frequent contact with children"],
    [QN, MI, "Number of children whose parents are in receipt of mental health services"],
    [QN, MI, "Number of cases which are open to both children's social care and adults' mental health services"],
    [QN, MI, "Number of referrals to Children's Social Care where adult mental health is a primary/significant issue"],
    [QN, MI, "Number of initial or core assessments and CAFs where mental health is a primary or significant issue"],
    [QN, MI, "Number of mothers, with a child of specific concern to health visitors, who have depression"],
    [QL, CR, "% of adult mental health assessments or care plans which take account of the whole family and possible risks to children"],
    [QL, CR, "% of children's social care initial and core assessments which take account of the whole family and impact of adult's mental health"],
    [QL, FS, "% of children's social care operational managers and staff who reported effective working relationships with professionals in adult mental health services (and vice versa)"],
    [QL, CP, "% of adult carers with mental health needs who experienced adult mental health and children's services working well together"],
    [QL, CP, "% of adult carers with mental health needs who reported that their children had received the help they needed"],
    [QL, CP, "% of children of parents with mental health needs who reported that adult mental health staff listened to and involved them, and gave them helpful information and support"],
    [QL, CR, "% of children with CP/CIN plans where CPA is progressed for parent(s)"],
    [QL, MI, "% attendance of adult mental health staff (including substance misuse staff) at CP conferences/core groups"],
    [QL, MI, "% of occasions where social worker invited to discharge meetings"],
    [QL, FS, "% of staff in adult mental health who feel confident in parenting or family initial assessments"],
    [QL, FS, "% of staff in children's services who feel confident in undertaking parenting assessments where parents have mental health needs"],
    [OC, CP, "% of children whose parents are receiving a mental health service who feel well supported by services and have the information they need, have someone to talk to/get help from in an emergency, and do not feel isolated"],
    [OC, CR, "% of cases where adult mental health is assessed as impacting adversely on the wellbeing and safety of a child in which at point of closure the adverse impact has ceased"],
    [OC, CR, "% of cases where adult mental health is assessed as impacting adversely on the wellbeing and safety of a child in which at point of closure the desired positive outcomes for adults and children set out in the care plan have been achieved"],
    [OC, CP, "% of cases where adult mental health is assessed as impacting adversely on the wellbeing and safety of a child in which at point of closure children and parents report positive improvements"],
    [OC, CP, "% of children who are young carers of parents with mental health needs who feel supported and are able to achieve five ECM outcomes"],
    [OC, CP, "% of parents with low level mental health needs who feel supported and report positive improvements"],
  ]),

  // Partnership working
  ...measures(AREA.partnership, null, QA_FRAMEWORK_CITE, [
    [QN, MI, "Number of cases open to both the mental health trust or drug and alcohol service, and children's social care"],
    [QN, MI, "Number of CAFs completed"],
    [QN, MI, "Number of CP conferences to which 'x' professional group asked to attend or contribute report"],
    [QL, CP, "% of parents who think that the different agencies involved in their lives work well together"],
    [QL, CR, "% of cases demonstrating evidence of 'good' partnership working (by agreed criteria eg appropriate information sharing)"],
    [QL, FS, "% of staff within the agency that expressed concerns/positive experience of partnership working with X, Y, Z external agencies"],
    [QL, FS, "% of staff within the agency who expressed concerns/positive experience of partnership working with A, B, C services within the agency"],
    [QL, FS, "% of staff who feel confident to challenge other professionals, escalate concerns, share information, step outside of their 'traditional role' and take the lead in ensuring a child's needs are met"],
    [QL, CR, "% of cases evidencing 'Think Family' assessment and care planning practice in both services"],
    [QL, CR, "% of CAFs specifying lead professional"],
    [QL, MI, "% of CAFs completed by different agencies"],
    [QL, MI, "% of CP conferences 'x' professional group attended or contributed to"],
    [OC, CP, "% of parents who are receiving help from several agencies who report the impact is positive for them and their children"],
    [OC, CR, "% of cases demonstrating evidence of partnership working delivering positive outcomes for children and parents"],
    [OC, CR, "% of cases open to both adult and children's services in which desired outcomes for parents and children were achieved"],
    [OC, CR, "% of CAFs in which the desired outcomes for the child and family are achieved"],
  ]),

  // Workforce: relationships, clear thinking and capacity
  ...measures(AREA.workforce, null, QA_FRAMEWORK_CITE, [
    [QN, MI, "Number of Whole Time Equivalent (WTE) posts: A&E nurses, social workers (CP/CIN, front door) and managers, health visitors, school nurses, police CAIT officers, midwives and their managers"],
    [QN, MI, "Number of staff in post/who left in the year"],
    [QN, MI, "Number of GP practices in the area"],
    [QN, MI, "Number of staff requiring Enhanced CRB checks, GSCC registration etc"],
    [QN, MI, "Number of staff recruited in the year"],
    [QN, MI, "Number of staff recruited in the year where the recruitment process was audited for compliance with safe recruitment policy and practice"],
    [QN, MI, "Number of teaching staff in the schools"],
    [QL, MI, "% of staff time spent in face-to-face contact with families/children"],
    [QL, CP, "% of parents/children saying they are treated with respect: not judged, were given time, were listened to, felt cared for, were treated as an equal"],
    [QL, CR, "% of CP/CIN plans in which there was one/two/three change/s of SW/HV"],
    [QL, CP, "% of parents with a child under the age of six months who reported they had never seen a health visitor"],
    [QL, MI, "% of posts filled by permanent/agency staff/vacant"],
    [QL, MI, "% of posts filled by staff with more than three years post-qualifying experience"],
    [QL, MI, "Number of health visitors as a ratio to weighted head of child population; school nurses as a ratio to weighted head of school population; and midwives as a ratio to new births"],
    [QL, MI, "% of SW posts carrying CP/CIN caseloads which have been agreed as being at a level that enables effective practice to take place"],
    [QL, MI, "% of health visitors/midwives/detectives/probation officers and CAFCASS guardians carrying caseloads (or numbers of vulnerable/high risk cases) which have been agreed as being at a level that enables effective practice to take place"],
    [QL, MI, "% of SWs/HVs/midwives with an appropriate balance of caseload to enable effective practice to take place"],
    [QL, FS, "% of SWs/HVs/midwives/CAIT detectives/CAFCASS guardians – and their operational and senior managers – who report that work management arrangements enable them to have time for calm reflection during the working day"],
    [QL, FS, "% of staff who describe their morale as good or very good"],
    [QL, FS, "% of staff who are positive about the organisation"],
    [QL, FS, "% of staff who believe their working environment and equipment is supportive of their work"],
    [QL, MI, "% of GP practices with a nominated safeguarding lead"],
    [QL, MI, "% of staff with up-to-date CRB checks, GSCC registration etc"],
    [QL, CR, "% of recruitment cases audited where safeguarding policy and practice was followed to a good standard"],
    [QL, MI, "% of teaching staff against whom allegations were made in the year"],
    [QL, MI, "% of allegations in which investigations were completed within recommended timescales"],
    [OC, CP, "% of parents and children surveyed saying that the work of the social worker, health visitor or midwife has improved their wellbeing eg improved parenting skills, family relationships, changed behaviour or attitude"],
    [OC, CP, "% of parents and children surveyed saying that they have a positive relationship with their social worker/health visitor/midwife"],
    [OC, CR, "% of cases in which the investigation did identify a risk to children and where that risk was removed"],
  ]),

  // Safeguarding wisdom, supervision and support
  ...measures(AREA.wisdom, SUB.learning, QA_FRAMEWORK_CITE, [
    [QN, MI, "Number of learning inputs (eg a training course)"],
    [QN, MI, "Number of learning inputs that are evaluated"],
    // Listed twice in Module 5's table; one measure here.
    [QN, MI, "Number of staff and managers with safeguarding children responsibilities"],
    [QN, MI, "Number of staff requiring safeguarding children training to a specific level"],
    [QN, MI, "Number of multi-agency safeguarding training courses"],
    [QN, MI, "Number of staff qualified for more than five years"],
    [QL, FS, "% of evaluated learning inputs that resulted in improved practice"],
    [QL, FS, "% of evaluated learning inputs that resulted in positive learning outcomes"],
    [QL, FS, "% of staff and managers reporting that they receive the right quality and quantity of learning to do a good job"],
    [QL, MI, "% of staff and managers practising at the required level of competence"],
    [QL, MI, "% of staff who are up-to-date with their required level of safeguarding training"],
    [QL, MI, "% of multi-agency training courses on which all relevant professional groups were adequately represented"],
    [QL, MI, "% of staff qualified more than five years who have attended multi-agency safeguarding training in previous year"],
    [OC, FS, "% of evaluated learning inputs that resulted in improved outcomes for children/families"],
  ]),
  ...measures(AREA.wisdom, SUB.supervision, QA_FRAMEWORK_CITE, [
    [QN, MI, "Number of people in the professional group requiring safeguarding supervision eg number of social workers, midwives, GPs, DV workers"],
    [QN, MI, "Number of supervision sessions conducted in the year for a particular professional group"],
    [QN, MI, "Number of safeguarding supervisors"],
    [QL, MI, "% of professionals within the group receiving safeguarding supervision at the frequency the organisation's policy requires"],
    [QL, FS, "% of professionals receiving supervision who report it results in clearer thinking and improved practice"],
    [QL, FS, "% of professionals who report being confident in exercising their professional judgment in cases"],
    [QL, MI, "% of staff whose direct work with children/families has been observed at least once in the year by their supervisor"],
    [QL, CR, "% of supervision sessions audited by the organisation"],
    [QL, MI, "% of supervisors trained in effective safeguarding supervision"],
    [QL, CR, "% of supervision sessions audited that reached the organisation's quality standards"],
    [OC, FS, "% of professionals who are able to evidence how the improved practice arising from supervision has had a positive impact on the wellbeing of the families worked with"],
  ]),

  // Organisational culture (Module 5 gives no outcome measures here)
  ...measures(AREA.culture, null, QA_FRAMEWORK_CITE, [
    [QN, MI, "Number of staff in organisation or service area", [in004("Number of staff")]],
    [QN, MI, "Number of staff responding to survey"],
    [QN, MI, "Number of assistant directors/directors/councillors/board members"],
    [QN, MI, "Number of parents, children and young people receiving a service in the year"],
    [QN, MI, "Number of parents/children surveyed"],
    [QN, MI, "Number of staff leaving in the year"],
    [QN, MI, "Number of completed exit interviews"],
    [QL, FS, "% of staff who experience the organisation as safe, calm, supportive and taking poor practice seriously"],
    [QL, FS, "% of staff who feel valued by the organisation"],
    [QL, FS, "% of staff who believe their ideas have helped shape services"],
    [QL, FS, "% of staff who believe any concerns they raise, including concerns about the welfare of children, will be taken seriously"],
    [QL, FS, "% of staff who experience managers at all levels as being accessible"],
    [QL, MI, "% of senior leadership team who, in previous 12 months, have met with frontline staff, parents and children on one, two or three occasions"],
    [QL, CP, "% of parents, children and young people who said they were treated well or very well by the organisation"],
    [QL, FS, "% of exit interviews indicating concerns about organisational culture"],
    [QL, MI, "% of staff subject to formal competence process"],
    [QL, MI, "% of staff subject to formal competence process whose practice improves"],
  ]),

  // Use of resources and evidence-based practice (Module 5's measures are all evidence-based practice)
  ...measures(AREA.resources, SUB.ebp, QA_FRAMEWORK_CITE, [
    [QN, MI, "Number of frontline staff and managers in the service"],
    [QN, MI, "Number of senior managers or commissioners in the service"],
    [QN, MI, "Number of safeguarding service areas and processes within the agency"],
    [QN, MI, "Number of learning and development inputs"],
    [QL, FS, "% of staff/managers who can evidence they base their practice on a clear theoretical framework"],
    [QL, FS, "% of staff/managers who can evidence they are aware of latest relevant research findings which they apply in their practice"],
    [QL, FS, "% of senior managers or commissioners who can evidence they are aware of latest relevant research findings which they apply in their practice"],
    [QL, MI, "% of safeguarding service areas and processes which are based on an established model of effectiveness"],
    [QL, MI, "% of safeguarding service areas and processes which are being evaluated locally"],
    [QL, MI, "% of learning and development inputs that reflect latest research findings"],
    [OC, FS, "% of staff who can demonstrate how evidence-based practice resulted in improvements to the wellbeing of children"],
    [OC, FS, "% of senior managers or commissioners who can demonstrate how evidence-based practice resulted in improvements to the wellbeing of children"],
    [OC, MI, "% of safeguarding service areas and processes which deliver desired outcomes"],
  ]),

  // The impact of poverty and poor housing
  ...measures(AREA.poverty, SUB.housing, QA_FRAMEWORK_CITE, [
    [QN, MI, "Number of households and children living in local authority area"],
    [QN, MI, "Number of dwellings in LA area"],
    [QN, MI, "Number of fires in domestic premises"],
    [QL, MI, "% of housing needs staff and housing officers who are up-to-date with their safeguarding training"],
    [QL, CR, "% of initial and core assessments that analyse the impact of poor housing"],
    [QL, CP, "% of parents who speak positively about the support they receive and how they are treated whilst homeless"],
    [QL, MI, "% of families in poor condition housing which the fire service has visited or have alarm fitted"],
    [OC, MI, "Number or % households with children or children living in overcrowded accommodation"],
    [OC, MI, "Number or % households with children or children living in non-decent housing conditions"],
    [OC, MI, "Number or % households with children/children who are homeless and in temporary accommodation"],
    [OC, MI, "% of children in temporary accommodation who are registered with a GP"],
    [OC, MI, "% of children in temporary accommodation who are attending school regularly"],
    [OC, MI, "% of children in temporary accommodation who are up-to-date with immunisations/vaccinations"],
    [OC, MI, "% of children in overcrowded, non-decent housing or homeless and in temporary accommodation who move during the year to accommodation that is of acceptable quality, permanent and not overcrowded"],
    [OC, MI, "% of fires in domestic premises which were in poor condition"],
  ]),
  ...measures(AREA.poverty, SUB.poverty, QA_FRAMEWORK_CITE, [
    [QN, MI, "Number of children in local authority area"],
    [QN, MI, "Number of school age children"],
    [OC, MI, "% of children in workless households"],
    [OC, MI, "% of children living in poverty"],
    [OC, MI, "% of children receiving free school meals"],
  ]),
];

// ---------------------------------------------------------------------------------------------
// The LSCB appendix (003): the initial list, the Children's Services safeguarding indicators, the
// National Safeguarding Delivery Unit indicators and routine CP-plan monitoring. Items that repeat
// a Module 5 measure are recorded as aliases of it above; items the appendix lists twice are one
// measure here with the other wording as an alias.

const appendix: CatalogueMeasure[] = [
  ...measures(AREA.priority, SUB.cpCin, LSCB_APPENDIX_CITE, [
    [QN, MI, "Number of Children and Young People with child protection plan", [in003("No of children with a Child Protection Plan")]],
    [QN, MI, "Number of families who have children with a Child Protection Plan"],
    [QN, MI, "Number of children with a child protection plan from BME groups"],
    [QN, MI, "Proportion of children with a child protection plan from BME groups"],
    [QN, MI, "Categories of children with a Child Protection Plan"],
    [QN, MI, "How many enquiries made to the Child Protection List"],
    [QN, MI, "Numbers of children added to the Child Protection List"],
    [QN, MI, "Number of children participating in case conferences"],
    [QL, MI, "Child Protection Plans lasting 2 years or more"],
    [QL, MI, "Percentage of initial child protection conferences which were held within 15 working days of the start of the s47 enquiries which led to the conference", [in003("% of initial case Conferences held within 15 days of start S47 enquiry")]],
    [QL, CR, "Percentage of care and supervision applications where the core assessment is missing or incomplete"],
  ]),
  ...measures(AREA.priority, SUB.frontDoor, LSCB_APPENDIX_CITE, [
    [QL, MI, "Percentage of initial assessments for children's social care carried out within 7 working days of referral"],
    [QL, MI, "Percentage of initial assessments for children's social care carried out within 10 working days of referral"],
    [QL, MI, "Percentage of core assessments for children's social care that were carried out within 35 working days of their commencement"],
    [QL, MI, "Percentage of referrals to children's social care going on to initial assessment"],
  ]),

  ...measures(AREA.vulnerable, SUB.privateFostering, LSCB_APPENDIX_CITE, [
    [QN, MI, "Children privately fostered: current number"],
    [QN, MI, "Children privately fostered: notifications within quarter"],
  ]),
  ...measures(AREA.vulnerable, SUB.secureEstate, LSCB_APPENDIX_CITE, [
    [QN, MI, "Secure Estate: all incidents of restraint in a custodial setting resulting in injury"],
  ]),
  ...measures(AREA.vulnerable, SUB.exploitation, LSCB_APPENDIX_CITE, [
    [QN, MI, "Children abused through sexual exploitation and prostitution"],
    [QN, MI, "Children who may have been trafficked"],
  ]),
  ...measures(AREA.vulnerable, SUB.missingHomeCare, LSCB_APPENDIX_CITE, [
    [QN, MI, "Children who have run away from home/care"],
  ]),
  ...measures(AREA.vulnerable, SUB.lac, LSCB_APPENDIX_CITE, [
    [QN, MI, "The rate of looked after children per 10,000"],
    [QL, MI, "Timeliness of placements of looked after children for adoption following an agency decision that the child should be placed for adoption"],
    [QL, MI, "Looked after children cases which were reviewed within required timescales"],
    [QL, MI, "Percentage of looked after children who participated in their review"],
    [OC, MI, "Stability of placements of looked after children: number of moves"],
    [OC, MI, "Stability of placements of looked after children: length of placement"],
    [OC, MI, "The number of children adopted or becoming subject to SGO during the year as a percentage of the number of children currently looked after for 6 months or longer"],
    [OC, MI, "Emotional and behavioural health of looked after children"],
    [OC, MI, "Reduce the persistent absence rate for looked after children in secondary schools"],
    [OC, MI, "Reduce fixed term exclusions from school for looked after children"],
    [OC, MI, "Reduce permanent exclusions from school for looked after children"],
  ]),
  ...measures(AREA.vulnerable, null, LSCB_APPENDIX_CITE, [
    [QN, MI, "Young victims of crime"],
    [QL, MI, "YJB annual report"],
  ]),

  ...measures(AREA.risk, SUB.abuseOutside, LSCB_APPENDIX_CITE, [
    [QN, MI, "Children abused outside families by adults known to them"],
    [QN, MI, "Children abused by professional carers, within institutional settings or anywhere else where children are cared for away from home"],
    [QN, MI, "Children abused by strangers"],
    [QN, MI, "Children abused by other young people"],
    [QN, MI, "Young perpetrators of abuse"],
    [QL, MI, "MAPPA annual report"],
  ]),
  ...measures(AREA.risk, SUB.fgmForcedMarriage, LSCB_APPENDIX_CITE, [
    [QN, MI, "Female genital mutilation"],
    [QN, MI, "Forced marriage"],
  ]),
  ...measures(AREA.risk, SUB.dv, LSCB_APPENDIX_CITE, [
    [QL, MI, "MARAC annual report"],
  ]),
  ...measures(AREA.risk, null, LSCB_APPENDIX_CITE, [
    [QN, MI, "Children living with domestic violence, substance abuse or parental mental illness"],
  ]),

  ...measures(AREA.partnership, null, LSCB_APPENDIX_CITE, [
    [QN, MI, "SCRs: numbers initiated"],
    [QN, MI, "SCRs: number completed"],
    [QL, MI, "SCRs: number completed within the agreed timescale"],
    [QL, MI, "CDOP annual report"],
    [QN, MI, "Number of CAF's per 10,000"],
    [QN, MI, "Number of CAF's on database"],
    [QL, MI, "Percentage of CAF's resulting in multi agency plans"],
    [QL, MI, "Agency Attendance at Child Protection Conferences", [in003("Attendance at child protection conferences")]],
    [QL, MI, "Reports submitted by agencies on time for child protection conferences"],
    [QL, CR, "Quality of reports submitted by agencies for child protection conferences"],
  ]),

  ...measures(AREA.workforce, null, LSCB_APPENDIX_CITE, [
    [QN, MI, "Social Worker caseloads"],
    [QL, MI, "Compliance with requirements to support safe practices (CRB and ISA)"],
    [QL, MI, "Children's social worker vacancy rate", [in003("Social Work vacancies (Team Managers and Practitioners)")]],
    [QL, MI, "Children's social worker turnover rate"],
    [QL, MI, "Complaints annual report"],
  ]),

  ...measures(AREA.poverty, SUB.otherWider, LSCB_APPENDIX_CITE, [
    [OC, CP, "Percentage of children who report that they feel safe"],
    [OC, CP, "Children who have experienced bullying"],
    [OC, MI, "Reduce emergency hospital admissions caused by unintentional and deliberate injuries to children and young people"],
    [OC, MI, "Children and young people – unintentional/deliberate injuries and preventable deaths"],
    [OC, MI, "Child death data"],
    [OC, MI, "Under 18 conception rate"],
  ]),
];

// ---------------------------------------------------------------------------------------------
// The areas: Module 1 (groups, sub-areas), Module 2 (what good looks like, summarised) and
// Module 3 (scrutiny questions, paraphrased).
//
// Keywords are whole words or phrases, to be matched case-insensitively on word boundaries (not as
// bare substrings: "LAC" must not match "place", nor "TAF" "staff"). Some appear in more than one
// sense across areas ("conference", "audit"); prefer the longest matching phrase.

const areas: ContentArea[] = [
  {
    name: AREA.priority,
    group: "practice",
    subAreas: [SUB.cpCin, SUB.frontDoor, SUB.antenatal, SUB.healthVisiting, SUB.adolescentMentalHealth, SUB.aAndE],
    goodLooksLike:
      "Child protection and child in need plans, and the front-door, midwifery, health visiting, CAMHS and A&E services, leave children measurably safer and parents more able to parent, and families can say how. " +
      "Plans are written around the safety and wellbeing outcomes sought, the child stays at the centre, and fathers and other men in the household are known and assessed. " +
      "Referrers reach an experienced social worker with few steps in between, vulnerable mothers are identified and helped before birth, and parents are treated with respect at every front door.",
    questions: [
      "Which safety and wellbeing outcomes is this service aiming for, and is it achieving them?",
      "Which outcomes do CP and CIN plans reliably achieve, which do they miss, and what made the successful cases work?",
      "How do parents describe being treated, and being helped, by the social care front door, health visitors and midwives?",
      "How many steps does a referrer go through before speaking to a social worker?",
      "How experienced (post-qualification) are front-door social workers, midwives and health visitors working with vulnerable mothers, CAIT officers and A&E nurses?",
      "Are antenatal assessment and support the same in every acute trust, and does poor attendance at antenatal appointments trigger active efforts to engage?",
      "When A&E staff need to know what social care holds on a child, do they talk to a professional or run an administrative check, and are paediatric nurses on duty around the clock?",
      "What do partner agencies see as the strengths and weaknesses of health visiting and antenatal services for vulnerable parents?",
      "Between referral and the end of a plan, how many social workers does a family deal with purely because of how the service is organised?",
    ],
    keywords: [
      "child protection", "child protection plan", "CP plan", "CP/CIN", "child in need", "children in need", "CIN plan",
      "conference", "initial conference", "review conference", "core group", "section 47", "S47", "strategy discussion",
      "child protection list", "second or subsequent", "repeat plan", "re-referral", "referral",
      "assessment", "initial assessment", "core assessment", "single assessment", "MASH", "front door",
      "duty and assessment", "care proceedings", "antenatal", "ante-natal", "pre-birth", "midwife", "midwifery",
      "vulnerable mothers", "health visitor", "health visiting", "CAMHS", "adolescent mental health", "A&E",
      "emergency department", "public protection desk",
    ],
  },
  {
    name: AREA.vulnerable,
    group: "practice",
    subAreas: [
      SUB.lac, SUB.missingEducation, SUB.missedAppointments, SUB.noGp, SUB.secureEstate, SUB.gangs,
      SUB.disabled, SUB.privateFostering, SUB.mobile, SUB.missingHomeCare, SUB.exploitation,
    ],
    goodLooksLike:
      "Partners know which groups of children are most at risk locally, and specialist staff (fostering, leaving care, education welfare, youth offending, disability) recognise and act on safeguarding concerns. " +
      "Looked after children are, and feel, safe: they see a consistent social worker, alone, and have a trusted adult to confide in, and fostering panels test safeguarding rigorously. " +
      "Children missing school or health appointments, or without a GP, are known and quickly drawn back into education and health care; in custody, restraint, self-harm and violence fall and young people feel safe, and fewer young people join gangs.",
    questions: [
      "Which safety and wellbeing outcomes are we seeking for each vulnerable group?",
      "Which vulnerable groups should the agency or partnership prioritise, and on what evidence?",
      "Do all health providers actively follow up children who are not brought to appointments?",
      "How many children are known to be educated at home, and what is done to promote their safety and wellbeing?",
      "How sure are we that specialist services (education welfare, fostering and adoption, leaving care, youth offending) can recognise and respond to safeguarding concerns?",
    ],
    keywords: [
      "looked after", "LAC", "children in care", "child in care", "care leaver", "leaving care", "placement",
      "placement stability", "foster", "fostering", "fostering panel", "privately fostered", "private fostering",
      "adoption", "adopted", "SGO", "special guardianship", "disabled", "disability", "missing", "missing from home",
      "missing from care", "run away", "runaway", "missing education", "missing from education", "CME",
      "educated at home", "home education", "persistent absence", "exclusion", "missed appointments",
      "missing appointments", "not brought", "registered with a GP", "GP registration", "secure estate", "STC",
      "YOI", "custody", "custodial", "restraint", "self-harm", "self harm", "youth offending", "YOS", "YJB", "gang",
      "gangs", "exploitation", "sexual exploitation", "CSE", "CCE", "county lines", "trafficked", "trafficking",
      "prostitution", "young carers", "unaccompanied", "asylum", "highly mobile", "victims of crime",
    ],
  },
  {
    name: AREA.risk,
    group: "practice",
    subAreas: [SUB.dv, SUB.amh, SUB.substance, SUB.abuseOutside, SUB.fgmForcedMarriage],
    goodLooksLike:
      "Domestic violence arrangements (MARAC, IDVAs, perpetrator programmes) and services for parents with mental health or substance misuse problems can show the harm to children reducing: violence stops, perpetrators change, and the children affected do well and do not feel alone. " +
      "Adult and children's services assess and plan for the whole family (Think Family), and every child whose parent's difficulties affect them, including young carers, is known and helped. " +
      "Families say the police and other professionals treated them with respect, involved the children and explained things clearly, and the adult-children's services interface has been reviewed jointly and acted on.",
    questions: [
      "Domestic violence: which safety and wellbeing outcomes are we aiming for, and what do the trends in reported incidents tell us?",
      "Domestic violence: are the domestic violence strategy, the LSCB business plan and the children and young people's plan joined up, with measurable outcomes that are being met?",
      "Domestic violence: are there gaps in services or resources, for example for perpetrators?",
      "Domestic violence: where earlier SCRs called for action, is there evidence that adult victims and children are now safer?",
      "Adult mental health: have concerns raised by SCRs or serious incidents been dealt with, so that children of parents with mental health needs are now safer?",
      "Adult mental health: what do parents with mental health needs and their children say we do well and should improve?",
      "Adult mental health: how are other partnerships encouraging Think Family practice, and has it worked for them?",
      "Adult mental health: how many children locally are known to live with carers who have mental health needs, and how often does parental mental health feature in CIN and CP cases?",
      "Adult mental health: what do frontline staff say about joint working between children's and adult mental health services?",
      "Adult mental health: do adult services know whether the people they treat care for, live with or have regular contact with children?",
    ],
    keywords: [
      "domestic abuse", "domestic violence", "DV", "DA", "MARAC", "IDVA", "perpetrator", "perpetrators",
      "refuge", "substance", "substance misuse", "drug", "drugs", "alcohol", "hidden harm", "mental health",
      "parental mental health", "adult mental health", "mental illness", "depression", "CPA", "think family",
      "toxic trio", "neglect", "physical abuse", "sexual abuse", "emotional abuse", "abused", "abuse",
      "FGM", "female genital mutilation", "forced marriage", "honour based", "MAPPA", "sex offender",
      "radicalisation",
    ],
  },
  {
    name: AREA.partnership,
    group: "practice",
    subAreas: [],
    goodLooksLike:
      "Working together brings tangible gains for children and families, including through the CAF, and families do not meet fragmented, uncoordinated involvement from different agencies. " +
      "Professionals across and within organisations know and trust each other, share a common understanding, share information, challenge and escalate when needed, and are willing to act as lead professional. " +
      "Adult and children's services think and act 'family', and referrals to social care meet agreed thresholds and quality standards.",
    questions: [
      "Which partnership-working failings did our last three SCRs raise, and what shows that practice and outcomes have changed since?",
      "Which services, inside and outside our organisation, do our staff find good to work with, and where are relationships poor?",
      "What barriers to joint working do professionals report?",
      "How do other agencies experience working with our service?",
      "What opportunities do professionals here have to build direct relationships with one another?",
      "Which professions or services are not taking a full part in inter-agency safeguarding, for example missing conferences or multi-agency training?",
    ],
    keywords: [
      "Section 11", "audit", "multi-agency audit", "attendance at", "agency attendance", "reports to conference",
      "reports submitted", "conference reports", "information sharing", "partnership", "partner agencies",
      "multi-agency", "multi agency", "inter-agency", "joint working", "escalation", "CAF", "common assessment",
      "lead professional", "early help", "team around the family", "TAF", "serious case review", "SCR", "SCRs",
      "safeguarding practice review", "rapid review", "CDOP", "child death overview", "LSCB",
      "safeguarding partnership",
    ],
  },
  {
    name: AREA.workforce,
    group: "organisational",
    subAreas: [],
    goodLooksLike:
      "There are enough staff with the right competence, qualifications and experience, the most experienced on the most complex work, mostly permanent, with low vacancy, turnover and sickness. " +
      "Caseloads leave time for direct work, for building lasting relationships and for calm reflection, so parents and children meet consistent, respectful professionals who make a difference to them. " +
      "Safe recruitment is followed, allegations against staff are handled well, and morale, appraisal and working conditions are good.",
    questions: [
      "Which professional groups matter most for safeguarding in this organisation or partnership?",
      "How do we know staff show the respect and empathy needed to build working relationships with families?",
      "What share of social workers', doctors' and police officers' time is spent face to face with children and families?",
      "How do we make sure frontline staff and managers have time in the working day to reflect?",
      "Which areas of work need the most experienced staff and managers, and how experienced are the people there now?",
      "Do comparable organisations keep a higher proportion of permanent staff, and how do they do it?",
      "How do experience, turnover and permanence vary between teams and areas?",
      "Do some teams, services, schools or GP practices attract more allegations or complaints than others?",
      "Does any service depend on one or two individuals, or on staff routinely working excessive hours?",
      "Do designated and named safeguarding professionals believe they have the capacity to do their role properly?",
    ],
    keywords: [
      "workforce", "caseload", "caseloads", "workload", "vacancy", "vacancies", "turnover", "agency staff", "locum",
      "permanent staff", "sickness", "absence rate", "staff in post", "WTE", "FTE", "posts", "establishment",
      "staffing", "recruitment", "safe recruitment", "recruited", "CRB", "DBS", "ISA", "vetting", "GSCC",
      "allegation", "allegations", "LADO", "complaints", "morale", "face-to-face", "face to face",
      "post-qualifying", "experience of staff", "appraisal", "leavers",
    ],
  },
  {
    name: AREA.wisdom,
    group: "organisational",
    subAreas: [SUB.learning, SUB.supervision],
    goodLooksLike:
      "Learning and development strategies, grounded in an analysis of need and in current research, reach every professional who needs them, adult services included, and demonstrably improve practice and, through it, outcomes for children; they build critical thinking that supervision then reinforces. " +
      "Everyone who needs safeguarding supervision gets it, of adequate quality and frequency, from trained supervisors under a published policy with core elements shared across the partnership, and its impact is evaluated, not just its frequency. " +
      "Staff feel supported with the emotional demands of the work and can show how supervision improved their judgement and practice.",
    questions: [
      "Learning: do children and parents help shape and deliver training, and what methods are used besides classroom courses?",
      "Learning: which parts of the learning strategy are evaluated, and how deeply?",
      "Learning: which professional groups or services are not getting, or not taking up, the learning they are required to have, and who is under-represented on multi-agency courses?",
      "Learning: which improvements in practice, and which outcomes for children and families, can be traced to learning inputs?",
      "Learning: is there evidence that practice weaknesses found in our SCRs are no longer risks, and do we have a complete record of the learning each member of staff has received?",
      "Learning: does learning equip staff to engage reluctant parents and to talk directly with children about what may be harming them?",
      "Supervision: what evidence is there that safeguarding supervision improves practice and outcomes for children and families?",
      "Supervision: which staff groups, including contracted services, need safeguarding supervision, and are any not getting enough of it or of good enough quality?",
      "Supervision: is the frequency set in policy based on what is needed or on what capacity allows, and when was the policy last reviewed?",
      "Supervision: what do supervisees value, and what would they change?",
      "Supervision: do newly qualified staff (social workers, midwives, health visitors, CAIT officers) get more or less supervision than experienced colleagues, and how are GPs and designated teachers supervised?",
      "Supervision: how well do learning and development and supervision reinforce each other?",
    ],
    keywords: [
      "training", "safeguarding training", "multi-agency training", "learning and development", "learning input",
      "learning inputs", "course", "courses", "induction", "CPD", "competence", "supervision", "supervisions",
      "supervisor", "supervisors", "supervisee", "reflective", "observed practice", "observation of practice",
      "safeguarding wisdom", "support for staff",
    ],
  },
  {
    name: AREA.culture,
    group: "organisational",
    subAreas: [],
    goodLooksLike:
      "Outcomes for children and families are the organisation's overriding priority, and families find it keeps its promises and treats them with respect. " +
      "Staff feel valued, listened to and supported with the stress of the work, can voice their fears without being thought inadequate, and see senior managers regularly on the frontline. " +
      "Reflection, constructive challenge, continuous learning and praise for good practice are normal, safeguarding has high status, and poor competence is dealt with.",
    questions: [
      "What culture are we trying to build?",
      "How do leaders, board members and councillors learn first-hand how children, families and frontline staff experience the organisation?",
      "How do children and families rate the way we treat them, and what would they change?",
      "What do frontline staff and managers value about the culture, and what would they improve?",
      "How do we know that the values and behaviours we proclaim are lived at every level and in every part of the organisation?",
      "What hours do staff and managers routinely work?",
      "What do our last 20 exit interviews say about our culture?",
      "Which ideas from frontline staff have we put into practice this year?",
      "How do we recognise, praise and reward good practice?",
    ],
    keywords: [
      "culture", "organisational culture", "exit interview", "exit interviews", "staff survey", "survey of staff",
      "feel valued", "valued", "walking the floor", "senior leadership", "senior managers", "board members",
      "councillors", "praise", "accessible", "treated well", "competence process", "staff wellbeing", "stress",
      "360 degree",
    ],
  },
  {
    name: AREA.resources,
    group: "organisational",
    subAreas: [SUB.ebp, SUB.useOfResources],
    goodLooksLike:
      "Commissioners, managers and practitioners know current research and can show how it shapes their work; services use models proven elsewhere, externally validated or under local evaluation, and practitioners work from a clear theoretical framework. " +
      "Money goes to services with a demonstrable effect on children's safety and wellbeing, with a deliberate balance between prevention and early intervention and treating harm, and between frontline and support functions. " +
      "Funding decisions weigh their short- and long-term effect on children and take account of partners' decisions, and community resources and no- or low-cost improvements are used.",
    questions: [
      "Use of resources: which services and arrangements do we know make children safer, and how will we find out about the rest?",
      "Use of resources: what balance do we want between preventive or early help and services that treat the effects of abuse and neglect?",
      "Use of resources: what will this funding decision do to children's safety and wellbeing, and what is the combined effect of partners' funding decisions?",
      "Use of resources: what is the balance between frontline and back-office spending, and how do cuts to support services affect the frontline?",
      "Use of resources: are there community resources, partners or no- or low-cost options we are not yet using?",
      "Evidence-based practice: do we understand local safeguarding need well enough, and which services and processes are our main responses to it?",
      "Evidence-based practice: which of those services use models shown by robust research or external validation to work, and how are the others being evaluated locally?",
      "Evidence-based practice: what do other areas do that is seen as good practice, and what are our own plans to evaluate impact?",
      "Evidence-based practice: do our main safeguarding strategies start from the outcomes sought and follow evidence-based lines of work?",
      "Evidence-based practice: is our training based on current research, do staff have time to find research relevant to their cases, and how else do we keep them up to date?",
      "Evidence-based practice: do we have staff who can evaluate services, and what theoretical framework do our practitioners use?",
    ],
    keywords: [
      "evidence-based", "evidence based", "research", "theoretical framework", "evaluation", "evaluated",
      "model of effectiveness", "commissioning", "commissioned", "commissioners", "decommissioning", "budget",
      "spend", "spending", "funding", "cost", "value for money", "resources", "early intervention", "prevention",
      "back-office", "back-room", "service areas and processes",
    ],
  },
  {
    name: AREA.poverty,
    group: "wider",
    subAreas: [SUB.poverty, SUB.housing, SUB.otherWider],
    goodLooksLike:
      "Fewer children live in poverty or poor housing, local initiatives to change that are working, and children in those circumstances do well across the Every Child Matters outcomes. " +
      "Homeless and highly mobile families stay in touch with universal services, parents in poor housing say services are easing its effects, and professionals understand how poverty and housing bear on parenting and build that into assessments and plans. " +
      "Across the wider picture, children are immunised and healthy, fewer are hurt in accidents, on the roads or in house fires, and homes with children have smoke alarms.",
    questions: [
      "Which safety and wellbeing outcomes are we trying to achieve for children and families affected by poverty and poor housing?",
      "How do services keep track of families who move often, and make sure homeless families use universal services?",
      "What do homeless parents and children say about being homeless and about the help they receive?",
      "Are staff who work with homeless families, or families in non-decent or overcrowded homes, alert to signs of abuse and neglect?",
      "What is the fire service doing to reduce the dangers for families in poor housing?",
      "What are the worst housing conditions that children we are responsible for live in, and what are their stories?",
      "Which local initiatives target child poverty and poor housing, and what difference are they making?",
      "How do we know staff understand how poverty and poor housing affect parenting and children's safety and wellbeing?",
    ],
    keywords: [
      "poverty", "child poverty", "low income", "workless", "free school meals", "FSM", "deprivation", "housing",
      "poor housing", "homeless", "homelessness", "temporary accommodation", "overcrowded", "overcrowding",
      "non-decent", "dwellings", "households", "fire", "fires", "smoke alarm", "smoke detector", "accident",
      "accidents", "injury", "injuries", "hospital admissions", "road safety", "traffic", "knife crime", "bullying",
      "immunisation", "immunisations", "vaccination", "obesity", "under 18 conception", "teenage conception",
      "child death", "preventable deaths",
    ],
  },
];

// ---------------------------------------------------------------------------------------------
// Module 4: sources and methods, summarised by source.

const methods: Framework["methods"] = {
  children_parents: [
    "Ask children, parents and carers, as part of routine business, at the start, at review, at closure and at transfer how they were treated and whether life is better.",
    "Telephone or face-to-face surveys and interviews, preferably run by someone seen to be independent, including follow-up six or 12 months after closure.",
    "Focus groups, and feedback from the Children in Care Council and from looked after children and young people in custody about whether they feel safe.",
    "Leaders, councillors and board members hearing families directly: going on home visits, sitting in on meetings, visiting families in poor or temporary accommodation.",
    "Report both the aggregate (the % who said X) and the individual stories that give it meaning.",
  ],
  frontline_staff: [
    "An annual staff survey on safeguarding in the organisation and on working with other agencies and other teams.",
    "Focus groups (joint ones across children's and adult services where the issue is shared) and exit interviews.",
    "Senior managers walking the floor and spending time in services such as the front door; supervisors observing each supervisee's practice at least once a year.",
    "360-degree feedback from referrers and partner agencies; supervisees' accounts of their supervision; staff showing how a learning input changed their practice.",
    "Report how many staff hold a view and the reasons behind it, including the concerns of the minority.",
  ],
  case_records: [
    "Continuous case-file audit by managers against set criteria (for example a fixed number a month), plus themed audits in the annual programme.",
    "Targeted audits: assessments and plans, supervision records, fostering panel records, responses to missed appointments, safe recruitment files, leaving-care cases where the young person is a parent.",
    "Before-and-after comparisons of records to see whether learning changed practice, and case-based outcome tracking from assessment to closure and beyond.",
    "Single and multi-agency audits, deep dives, peer reviews and SCR findings, planned with data protection and information sharing in mind; senior leaders auditing a few cases a year themselves.",
  ],
  management_information: [
    "Client information system reports on activity and timeliness: referrals, assessments, plans, visits, missed appointments, children missing education, GP registration.",
    "HR, finance and learning systems: posts, vacancies, turnover, agency staff, vetting checks, training completed, supervision frequency, spend by service.",
    "Partners' data: police domestic violence reports, mental health and community health trust data, complaints and LADO data, housing needs service, housing conditions survey, fire service.",
    "External and review evidence: inspections, service evaluation reports, SCRs and research benchmarks.",
  ],
};

export const defaultFramework: Framework = {
  name: "Developing a strategic quality assurance framework to safeguard children",
  version: "1.0",
  cite: QA_FRAMEWORK_CITE,
  areas,
  methods,
  catalogue: [...module5, ...appendix],
};
