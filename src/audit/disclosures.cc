#include "audit/disclosures.h"

#include <algorithm>
#include <map>
#include <string_view>

#include "codec/command.h"
#include "codec/bytes.h"
#include "codec/schema_info.h"
#include "store/subject_events.h"

namespace rmc {
namespace {

// The DataShared fields named in `names` (every field when empty), read from an event's public
// part `pub` and its unsealed part `sealed` (a default reader when there is none): the facts are
// public; a thinking step is sealed, or public in an event recorded before steps were sealed. A
// named field that neither holds was removed by a correction, or erased.
void Take(schema::DataShared::Reader pub, schema::DataShared::Reader sealed,
          const capnp::List<capnp::Text>::Reader& names, Disclosure& d) {
  auto named = [&](std::string_view field) {
    if (names.size() == 0) return true;
    for (auto n : names)
      if (std::string_view(n.cStr()) == field) return true;
    return false;
  };
  if (named("partner")) d.partner = pub.getPartner().cStr();
  if (named("categories")) {
    d.categories.clear();
    for (auto c : pub.getCategories()) d.categories.push_back(c.cStr());
  }
  if (named("grondslag")) {
    auto grounds = capnp::Schema::from<schema::Grondslag>().getEnumerants();
    const auto ground = uint16_t(pub.getGrondslag());
    d.grondslag = ground < grounds.size() ? schema_info::EnumCode(grounds[ground]) : "";
  }
  auto step = [](capnp::Text::Reader plain, capnp::Text::Reader unsealed) {
    return std::string(unsealed.size() ? unsealed.cStr() : plain.cStr());
  };
  if (named("doel")) d.doel = step(pub.getDoel(), sealed.getDoel());
  if (named("proportionaliteit"))
    d.proportionaliteit = step(pub.getProportionaliteit(), sealed.getProportionaliteit());
  if (named("subsidiariteit"))
    d.subsidiariteit = step(pub.getSubsidiariteit(), sealed.getSubsidiariteit());
}

// Takes into `d` what the DataShared of `e` (the shared data itself, or a correction's) says;
// marks `d` erased when `e` sealed something that can no longer be opened.
// `of` picks the DataShared out of a payload, the public one and the unsealed one alike.
Status TakeFrom(Unsealer& unsealer, schema::Event::Reader e,
                schema::DataShared::Reader (*of)(schema::Payload::Reader),
                const capnp::List<capnp::Text>::Reader& names, Disclosure& d) {
  schema::DataShared::Reader sealed;
  std::optional<Unsealed> unsealed;
  if (e.hasSealed()) {
    auto opened = unsealer.Unseal(e);  // nothing when the youth was erased
    if (!opened.ok()) return opened.status();
    unsealed = std::move(*opened);
    if (unsealed && unsealed->payload) sealed = of(unsealed->payload->getRoot<schema::Payload>());
    else d.erased = true;
  }
  Take(of(e.getPayload()), sealed, names, d);
  return Status::Ok();
}

schema::DataShared::Reader Shared(schema::Payload::Reader p) { return p.getDataShared(); }
schema::DataShared::Reader CorrectedShared(schema::Payload::Reader p) {
  return p.getEventCorrected().getCorrected().getDataShared();
}

Disclosure Envelope(schema::Event::Reader e) {
  Disclosure d;
  d.position = e.getPosition();
  d.case_id = e.getCaseId().cStr();
  d.subject_id = Bytes(e.getSubject());
  d.occurred = {e.getOccurredAt(), e.getOccurredIsDate()};
  d.recorded_at = e.getRecordedAt();
  d.actor = e.getActor().getId().cStr();
  d.role = e.getActor().getRole();
  return d;
}

// A FeedbackGiven as it stands after its corrections: feedback to partners on the statutory
// task (§5.1), with no thinking steps of its own. Its partners, categories and ground are public.
struct Feedback {
  Disclosure facts;  // the envelope, the categories and the ground
  std::vector<std::string> partners;
};

void TakeFeedback(schema::FeedbackGiven::Reader f, const capnp::List<capnp::Text>::Reader& names,
                  Feedback& feedback) {
  auto named = [&](std::string_view field) {
    if (names.size() == 0) return true;
    for (auto n : names)
      if (std::string_view(n.cStr()) == field) return true;
    return false;
  };
  if (named("partners")) {
    feedback.partners.clear();
    for (auto p : f.getPartners()) feedback.partners.push_back(p.cStr());
  }
  if (named("categories")) {
    auto& categories = feedback.facts.categories;
    categories.clear();
    for (auto c : f.getCategories()) categories.push_back(c.cStr());
    if (categories.empty()) categories.push_back("verzuim");  // recorded before it was asked
  }
}

// Adds to `found` the disclosure `e` records, or applies the correction `e` makes to one of them
// (`at`: the index in `found` of each disclosure's position); feedback goes to `feedback`.
Status Collect(Unsealer& unsealer, schema::Event::Reader e, std::vector<Disclosure>& found,
               std::map<uint64_t, size_t>& at, std::map<uint64_t, Feedback>& feedback) {
  const auto payload = e.getPayload();
  if (payload.isFeedbackGiven()) {
    Feedback f{Envelope(e), {}};
    f.facts.kind = "feedback";
    f.facts.grondslag = "wettelijke-taak";
    TakeFeedback(payload.getFeedbackGiven(), {}, f);
    feedback.emplace(e.getPosition(), std::move(f));
    return Status::Ok();
  }
  if (payload.isEventCorrected() && payload.getEventCorrected().getCorrected().isFeedbackGiven()) {
    auto correction = payload.getEventCorrected();
    auto target = feedback.find(correction.getTarget());
    if (target == feedback.end() || target->second.facts.case_id != e.getCaseId().cStr())
      return Status::Ok();
    target->second.facts.corrections.push_back(e.getPosition());
    TakeFeedback(correction.getCorrected().getFeedbackGiven(), correction.getFields(), target->second);
    return Status::Ok();
  }
  if (payload.isEventCorrected()) {
    auto correction = payload.getEventCorrected();
    auto target = at.find(correction.getTarget());
    if (target == at.end() || !correction.getCorrected().isDataShared()) return Status::Ok();
    Disclosure& d = found[target->second];
    if (d.case_id != e.getCaseId().cStr()) return Status::Ok();  // only its own case corrects it
    d.corrections.push_back(e.getPosition());
    return TakeFrom(unsealer, e, CorrectedShared, correction.getFields(), d);
  }
  if (!payload.isDataShared()) return Status::Ok();
  Disclosure d = Envelope(e);
  if (auto s = TakeFrom(unsealer, e, Shared, {}, d); !s.ok()) return s;
  at[d.position] = found.size();
  found.push_back(std::move(d));
  return Status::Ok();
}

Json TextOrNull(const std::string& s) { return s.empty() ? Json(nullptr) : Json(s); }

}  // namespace

Result<std::vector<Disclosure>> FindDisclosures(Unsealer& unsealer, StoreTxn& txn,
                                                const DisclosureFilter& filter) {
  std::vector<Disclosure> out;
  std::map<uint64_t, size_t> at;
  std::map<uint64_t, Feedback> feedback;
  Status failure;
  auto collect = [&](EventView& view) {
    failure = Collect(unsealer, view.event(), out, at, feedback);
    return failure.ok();
  };
  Status s;
  if (filter.subject_id.empty()) {
    s = txn.ScanEvents(1, [&](uint64_t, EventView& view) { return collect(view); });
  } else {
    auto subject = txn.Subject(filter.subject_id);
    if (!subject.ok()) return subject.status();
    if (*subject) s = ScanEventsOfCases(txn, (*subject)->cases, collect);
  }
  if (!s.ok()) return s;
  if (!failure.ok()) return failure;
  // One disclosure per partner fed back, in log order among the shares.
  for (auto& [position, f] : feedback)
    for (const auto& partner : f.partners) {
      out.push_back(f.facts);
      out.back().partner = partner;
    }
  std::stable_sort(out.begin(), out.end(),
                   [](const Disclosure& a, const Disclosure& b) { return a.position < b.position; });
  // The partner as corrected: filtered only now that every correction is applied.
  if (!filter.partner.empty())
    std::erase_if(out, [&](const Disclosure& d) { return d.partner != filter.partner; });
  return out;
}

Json DisclosureJson(const Disclosure& d, bool with_actor) {
  Json j = {{"kind", d.kind},
            {"position", d.position},
            {"case", d.case_id},
            {"date", FormatTimePoint(d.occurred)},
            {"recorded_at", FormatTime(d.recorded_at)},
            {"partner", d.partner},
            {"categories", d.categories},
            {"grondslag", d.grondslag},
            {"doel", TextOrNull(d.doel)},
            {"proportionaliteit", TextOrNull(d.proportionaliteit)},
            {"subsidiariteit", TextOrNull(d.subsidiariteit)},
            {"erased", d.erased},
            {"corrections", d.corrections},
            {"role", RoleName(d.role)}};
  if (with_actor) j["actor"] = d.actor;
  return j;
}

}  // namespace rmc
