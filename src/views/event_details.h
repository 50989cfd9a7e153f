// The data of one event as a youth reads it on the right-of-access page
// (subject_export_html.h): each field a Dutch label (plain_language.h EventFieldLabel) and its
// value in plain Dutch (dutch_text.h: local dates, ja/nee, lists joined), never a JSON key, a
// bookkeeping field or an ISO date. Plain text: the caller escapes it.
#pragma once

#include <string>
#include <vector>

#include "codec/json_render.h"

namespace rmc {

struct Detail {
  std::string label, text;
};

// The details of an event whose payload renders as `data` (json_render.h, personal fields
// revealed or absent), in the order of the payload. Left out: fields the event's sentence
// (DescribeEvent) already says and that hold nothing more (a correction's target and field
// names, a deviation's steps and command, a consent's given), fields derived for the rules
// (the §1.2 bit set, whether an optional field was given; an age at triage of 0, unknown),
// empty values, and the ref of the youth (the page shows it once, under their data). A
// subject's fields come one by one with their own labels; a correction's corrected fields
// each as "nieuwe waarde: LABEL".
std::vector<Detail> EventDetails(const Json& data);

}  // namespace rmc
