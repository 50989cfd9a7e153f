// Plain language for the youth (AVG art. 12: "in a concise, transparent, intelligible and easily
// accessible form, using clear and plain language"): one Dutch sentence per event type, and Dutch
// labels for roles, read actions and processing activities. Every such text lives in the tables
// of plain_language.cc, so that wording is reviewed in one place.
//
// The sentences are built from an event's non-personal facts only (dates, codes, partners), so
// they read the same before and after an erasure and never leak a sealed field.
#pragma once

#include <string>

#include "codec/json_render.h"

namespace rmc {

// "Signaal ontvangen via jongere op 2026-11-01" for an event of `type` ("SignalReceived") whose
// payload renders as `data` (json_render.h: the command's field names and codes). Reads only
// fields that are not $personal. An unknown type gives a sentence naming the type.
std::string DescribeEvent(const std::string& type, const Json& data);

// "RMC-consulent" for "consulent", and so on; the code itself for an unknown role.
std::string RoleLabel(const std::string& role);

// "uw dossier bekeken" for the access-log action "show", said to the youth whose data was read;
// the action itself for an unknown one.
std::string ReadActionLabel(const std::string& action);

// "naam" for the subject field "name", "geboortedatum" for "birth_date", and so on; the key
// itself for an unknown one.
std::string FieldLabel(const std::string& key);

// "doelgroep" for the case-view field "target_group" (views/case_view.h), "uitkomst" for the
// event field "outcome", and so on; the key itself for an unknown one.
std::string CaseFieldLabel(const std::string& key);

// "motivering" for the reasoning field "rationale" (kReasoningFields, dutch_text.h), and so on;
// the key itself for an unknown one.
std::string ReasoningLabel(const std::string& key);

// The label of a field of an event's data (event_details.h): a §1.2 item's label for the
// signal's and the review's items ("contactpersonen" for "contacts"), ReasoningLabel for
// reasoning, else CaseFieldLabel, else FieldLabel; the key itself for an unknown one.
std::string EventFieldLabel(const std::string& key);

// "op uw verzoek" for the erasure ground "avg-art17", "omdat de bewaartermijn voorbij was" for
// "bewaartermijn"; the code itself for an unknown one.
std::string ErasureGroundLabel(const std::string& ground);

// "reactie op brief" for the deadline "letter_reply", and so on; the code itself for an unknown
// one.
std::string DeadlineLabel(const std::string& code);

// "3-gesprek bij de intake" for the rule "three-way-intake", and so on; the code itself for an
// unknown one.
std::string RuleLabel(const std::string& rule);

// "geen contact gekregen" for the close reason "geen-contact", and so on; the code itself for an
// unknown one.
std::string CloseReasonLabel(const std::string& reason);

// "afspraken met de jongere" for the §1.2 information item "youth_agreements" (the case view's
// info_completeness), and so on; the code itself for an unknown one.
std::string InfoItemLabel(const std::string& item);

// "plan van aanpak" for the replay's decision "plan" (replay/replay.h DecisionName), and so on;
// the name itself for an unknown one.
std::string DecisionLabel(const std::string& decision);

// What a processing activity of the register is for ("rmc-signalering": "meldingen van
// verzuim en schooluitval ontvangen en beoordelen"); the code itself for an unknown one.
std::string ActivityLabel(const std::string& code);

}  // namespace rmc
