/**
 * Catalogue measures as partnerships reword them in their own scorecards: abbreviations
 * (CP, CIN, LAC, CLA, DA, SW, ICPC, S47), "Percentage of" / "Proportion of" / "(%)" for "% of",
 * "No. of" for "Number of", words moved about, and reporting qualifiers added ("(quarterly)",
 * "rolling 12 months", "snapshot"). Written by hand for the placement test; `original` is the
 * catalogue measure's exact name, so the expected area and type come from the framework itself.
 */
export interface Rewording {
  original: string;
  reworded: string;
}

export const REWORDINGS: readonly Rewording[] = [
  // Priority service areas
  { original: "% of CP/CIN cases reviewed within timescales", reworded: "Proportion of CP and CIN cases reviewed in timescale (quarterly)" },
  { original: "Number of children subject to a child in need plan or child protection plan", reworded: "No. of children subject to a CIN or CP plan" },
  { original: "% of visits where child seen alone", reworded: "Percentage of visits where the child was seen alone" },
  { original: "% of cases with up-to-date chronologies", reworded: "Case files with an up to date chronology (%)" },
  { original: "% of children subject to CP plan who had previously been subject to a CP plan", reworded: "Children subject to a CP plan who had previously been subject to a plan (%)" },
  { original: "% of closed cases subsequently re-referred in the next 12 months for the same reasons", reworded: "Closed cases re-referred within 12 months for the same reason (%)" },
  { original: "Number of referrals to the service", reworded: "No. of referrals received by the service (monthly)" },
  { original: "% of assessments reaching the organisation's quality standards", reworded: "Assessments reaching quality standards when audited (%)" },
  { original: "Percentage of initial assessments for children's social care carried out within 7 working days of referral", reworded: "% of IAs carried out within 7 working days of referral" },
  { original: "Percentage of core assessments for children's social care that were carried out within 35 working days of their commencement", reworded: "Core assessments carried out within 35 working days of commencement (%)" },
  { original: "Percentage of initial child protection conferences which were held within 15 working days of the start of the s47 enquiries which led to the conference", reworded: "% of ICPCs held within 15 working days of the start of S47 enquiries" },
  { original: "% of vulnerable mothers seen at least once in their home by midwife", reworded: "Vulnerable mothers seen at home by a midwife at least once (%)" },
  { original: "% of cases where parents report they are treated well by the professionals involved", reworded: "Percentage of cases where parents say professionals involved treated them well" },
  { original: "% of cases audited in which the child remained the focus of professionals' attention", reworded: "Audited cases where the child remained the focus of professionals' attention (%)" },
  // Vulnerable groups of children
  { original: "Number of looked after children", reworded: "No. of CLA (snapshot at quarter end)" },
  { original: "% of looked after children visited by social worker at the frequency specified by care plan", reworded: "% of LAC visited by their SW at the frequency specified in the care plan" },
  { original: "% of looked after children who say they feel safe in their placement, school and community", reworded: "Percentage of children in care who say they feel safe in placement, school and the community" },
  { original: "% of looked after children who say they are happy", reworded: "LAC reporting that they are happy (%)" },
  { original: "Percentage of looked after children who participated in their review", reworded: "% of CLA participating in their reviews" },
  { original: "Number of children missing appointments", reworded: "Count of children missing health appointments" },
  { original: "% of children not permanently registered with a GP who became permanently registered during the year", reworded: "Proportion of children not permanently registered with a GP who became registered during the year" },
  { original: "Number of young people in STC/YOI", reworded: "No. of YP in an STC or YOI (quarterly)" },
  // Specific risk issues
  { original: "Number of DV reports to police in 12 month period", reworded: "Number of domestic abuse reports to police (rolling 12 month period)" },
  { original: "% of families experiencing DV who received help through MARAC", reworded: "Percentage of families experiencing domestic abuse who received help through MARAC" },
  { original: "% of perpetrators completing DV programmes", reworded: "% of DA perpetrators completing a perpetrator programme" },
  { original: "% of CP/CIN plan cases with DV where there were no repeat referrals for DV within subsequent six, 12, 18 months", reworded: "CP/CIN plan cases with domestic abuse with no repeat DA referrals within 12 months (%)" },
  { original: "% attendance of adult mental health staff (including substance misuse staff) at CP conferences/core groups", reworded: "Attendance of AMH and substance misuse staff at CP conferences and core groups (%)" },
  // Partnership working
  { original: "Number of CAFs completed", reworded: "No. of CAFs completed in the quarter" },
  { original: "% of CAFs specifying lead professional", reworded: "Percentage of CAFs which specify a lead professional" },
  { original: "Agency Attendance at Child Protection Conferences", reworded: "Attendance of partner agencies at CP conferences (%)" },
  // Workforce
  { original: "Children's social worker vacancy rate", reworded: "Vacancy rate for children's social workers (%)" },
  { original: "Children's social worker turnover rate", reworded: "Children's SW turnover rate (rolling 12 months)" },
  { original: "% of staff who describe their morale as good or very good", reworded: "Staff describing morale as good or very good (%)" },
  { original: "% of staff with up-to-date CRB checks, GSCC registration etc", reworded: "% of staff with an up to date DBS check" },
  // Safeguarding wisdom, supervision and support
  { original: "% of staff who are up-to-date with their required level of safeguarding training", reworded: "Percentage of staff up-to-date with safeguarding training at their required level" },
  { original: "Number of multi-agency safeguarding training courses", reworded: "No. of multi agency safeguarding training courses delivered" },
  { original: "% of professionals within the group receiving safeguarding supervision at the frequency the organisation's policy requires", reworded: "% of professionals receiving safeguarding supervision at the frequency policy requires" },
  { original: "% of supervisors trained in effective safeguarding supervision", reworded: "Proportion of supervisors trained in safeguarding supervision" },
  // Organisational culture
  { original: "% of staff who feel valued by the organisation", reworded: "Staff who feel valued by the organisation (%) (annual staff survey)" },
  { original: "Number of completed exit interviews", reworded: "No. of exit interviews completed" },
  // Use of resources and evidence-based practice
  { original: "% of safeguarding service areas and processes which are being evaluated locally", reworded: "Percentage of safeguarding services and processes being evaluated locally" },
  // The impact of poverty and poor housing
  { original: "% of children living in poverty", reworded: "Proportion of children living in poverty (annual)" },
  { original: "Number of fires in domestic premises", reworded: "No. of fires in domestic premises (quarterly)" },
  { original: "% of children in temporary accommodation who are attending school regularly", reworded: "Children in temporary accommodation attending school regularly (%)" },
  // Freer rewordings: synonyms and shortened forms rather than the catalogue's own words.
  { original: "% of CP/CIN cases reviewed within timescales", reworded: "Child protection plans reviewed on time (%)" },
  { original: "% of children subject to CP plan who had previously been subject to a CP plan", reworded: "Repeat child protection plans - second or subsequent time (%)" },
  { original: "% of visits where child seen alone", reworded: "CP visits where the child was seen on their own (%)" },
  { original: "Stability of placements of looked after children: number of moves", reworded: "LAC with 3 or more placement moves in the year" },
  { original: "Number of children identified as missing from education or seriously absconding at start of term", reworded: "Children missing from school (snapshot)" },
  { original: "Social Worker caseloads", reworded: "Average SW caseload" },
  { original: "% of posts filled by permanent/agency staff/vacant", reworded: "Agency staff as a % of social work posts" },
  { original: "% of parents/children saying they are treated with respect: not judged, were given time, were listened to, felt cared for, were treated as an equal", reworded: "Parents who felt they were treated with respect and listened to (%)" },
  { original: "% of perpetrators prosecuted", reworded: "DA perpetrators prosecuted (%)" },
  { original: "% of cases where MARAC held that DV ceased", reworded: "MARAC cases where the domestic abuse ceased (%)" },
  { original: "% of children and young people who reported they felt safer as a result of social work contact", reworded: "Children who feel safer following social work contact (%)" },
  { original: "% of referrals that were 'appropriate' in terms of agreed thresholds for children's social care", reworded: "Referrals to CSC that met the threshold (%)" },
  { original: "% of supervision sessions audited that reached the organisation's quality standards", reworded: "Supervision sessions audited as meeting quality standards (%)" },
  { original: "% of staff whose direct work with children/families has been observed at least once in the year by their supervisor", reworded: "Practitioners whose direct work was observed by their supervisor this year (%)" },
  { original: "Number or % households with children/children who are homeless and in temporary accommodation", reworded: "Homeless families with children in temporary accommodation" },
  { original: "% of children receiving free school meals", reworded: "Children eligible for FSM (%)" },
  { original: "Reduce emergency hospital admissions caused by unintentional and deliberate injuries to children and young people", reworded: "Emergency hospital admissions for injuries to children and young people (rate per 10,000)" },
  { original: "Children privately fostered: current number", reworded: "Number of privately fostered children known to the LA" },
  { original: "% of staff who experience managers at all levels as being accessible", reworded: "Staff who say senior managers are accessible (%)" },
  { original: "% of evaluated learning inputs that resulted in improved practice", reworded: "Training evaluations showing improved practice (%)" },
];
