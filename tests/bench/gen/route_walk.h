// One case's walk along the routekaart (docs/routekaart.md): the commands of one youth, from the
// first signal to aftercare or to --now, written into the cohort's arena. The walk of case
// `index` depends only on the options and `index` (its own Rng), never on other cases.
#pragma once

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "calendar.h"
#include "decimal.h"
#include "random.h"
#include "vocabularies.h"
#include "workload.h"

namespace rmc::gen {

class Walk {
 public:
  Walk(const Options& o, Cohort& co, Stats& st, uint64_t index, uint32_t local)
      : o_(o), co_(co), st_(st), r_(o.seed * 0x9e3779b97f4a7c15ull ^ (index + 1) * 0xd1b54a32d192ed03ull),
        index_(index), local_(local) {}

  void Run();

 private:
  // ---- JSON writing ----
  std::string& B() { return co_.arena; }
  void Comma() {
    if (need_comma_[depth_]) B().push_back(',');
    need_comma_[depth_] = true;
  }
  void Key(sv k) {
    Comma();
    B().push_back('"');
    B().append(k);
    B().append("\":", 2);
  }
  void Open(char c) {
    B().push_back(c);
    need_comma_[++depth_] = false;
  }
  void Close(char c) {
    B().push_back(c);
    --depth_;
  }
  void Q(sv v) {
    B().push_back('"');
    B().append(v);
    B().push_back('"');
  }
  void Str(sv k, sv v) {
    Key(k);
    Q(v);
  }
  void Bool(sv k, bool v) {
    Key(k);
    B().append(v ? "true"sv : "false"sv);
  }
  void Int(sv k, uint64_t v) {
    Key(k);
    PutUint(B(), v);
  }
  void Date(sv k, int day) {
    Key(k);
    B().push_back('"');
    PutDate(B(), day);
    B().push_back('"');
  }
  void ObjK(sv k) {
    Key(k);
    Open('{');
  }
  void ArrK(sv k) {
    Key(k);
    Open('[');
  }
  void Item(sv v) {
    Comma();
    Q(v);
  }
  void ItemObj() {
    Comma();
    Open('{');
  }
  // One sentence with '@' and '#' filled in.
  void Sentence(sv s) {
    size_t i = 0;
    while (i < s.size()) {
      size_t j = i;
      while (j < s.size() && s[j] != '@' && s[j] != '#') ++j;
      B().append(s.data() + i, j - i);
      if (j < s.size()) B().append(s[j] == '@' ? first_ : school_);
      i = j + 1;
    }
  }
  // Free text of about lo..hi bytes from the pools, sentence by sentence.
  template <size_t N>
  void Text(const sv (&pool)[N], int lo, int hi) {
    TextOf({pool, N}, {}, {}, lo, hi);
  }
  struct PoolRef {
    const sv* items = nullptr;
    size_t n = 0;
  };
  void TextOf(PoolRef a, PoolRef b, PoolRef c, int lo, int hi) {
    PoolRef pools[3] = {a, b, c};
    int npools = 1 + (b.n > 0) + (c.n > 0);
    const size_t begin = B().size();
    int target = r_.Range(lo, std::max(lo, hi - 140));
    const sv* last = nullptr;
    for (int guard = 0; guard < 16; ++guard) {
      const PoolRef& p = pools[r_.Below(uint32_t(npools))];
      const sv* s = &p.items[r_.Below(uint32_t(p.n))];
      if (s == last) continue;
      last = s;
      if (B().size() > begin) B().push_back(' ');
      Sentence(*s);
      if (int(B().size() - begin) >= target) break;
    }
  }
  template <size_t N>
  void TextK(sv k, const sv (&pool)[N], int lo, int hi) {
    Key(k);
    B().push_back('"');
    Text(pool, lo, hi);
    B().push_back('"');
  }
  // `k`: a list of `n` {"what", "effect"} pairs, consecutive in `pool` from a random start.
  template <size_t N>
  void WhatAndEffect(sv k, const sv (&pool)[N][2], int n) {
    ArrK(k);
    const int start = int(r_.Below(N));
    for (int i = 0; i < n; ++i) {
      const auto& m = pool[(start + i) % N];
      ItemObj();
      Str("what", m[0]);
      Str("effect", m[1]);
      Close('}');
    }
    Close(']');
  }
  template <size_t N>
  void SentK(sv k, const sv (&pool)[N]) {
    Key(k);
    B().push_back('"');
    Sentence(r_.Pick(pool));
    B().push_back('"');
  }

  // ---- command framing ----
  bool Begin(Type t, sv reason = {}, Addr addr = kByCase) {
    if (stopped_) return false;
    if (day_ > o_.now) {
      stopped_ = true;
      return false;
    }
    if (t != kSignal) addr = subject_ok_ && r_.Chance(0.12) ? kBySubject : kByCase;
    cmd_ = Cmd{day_, local_, uint32_t(B().size()), 0, uint8_t(t), uint8_t(addr)};
    depth_ = 0;
    need_comma_[0] = true;
    Str("actor", r_.Chance(0.08) ? r_.Pick(kConsulents) : sv(consulent_));
    Date("occurred_at", day_);
    if (!reason.empty()) Str("reason", reason);
    ObjK("data");
    return true;
  }
  void End() {
    Close('}');
    B().append("}\n", 2);
    cmd_.len = uint32_t(B().size() - cmd_.off);
    co_.cmds.push_back(cmd_);
  }
  // Waiting times scale with the case's pace (waiting lists, a youth who keeps cancelling).
  void Advance(int lo, int hi) { day_ += r_.Range(lo, hi) * pace_ / 4; }

  // ---- the commands ----
  void Signal(bool first, int channel, int absence, bool follow_up);
  void PersonalData();
  void Review(bool school_reason);
  void Triage(sv reason);
  void Contact(int channel, sv outcome, const sv* note_pool, size_t note_n);
  void IntakeScheduled(int date, bool deviate);
  void Intake(int date);
  void Assessment();
  void Consent();
  void Shares(int n);
  void Share(bool consent_ground);
  void ConsentWithdrawn();
  void Inquiry();
  void Plan(bool revised, sv reason, bool ask_director);
  void PlanStarted();
  void Monitor(bool stuck);
  void CloseCase(CloseReason why, sv reason);
  void AftercareCheck(bool out);
  void AftercareEnd();
  void Feedback(const sv* pool, size_t n);
  void Evaluation(sv reason);
  void Note();
  void Assign(sv who);
  void MaybeNote(double p) {
    if (r_.Chance(p)) Note();
  }

  // ---- route pieces ----
  void Profile();
  void ShortRoute();
  void FullRoute(bool again);
  bool ContactPhase(bool again);
  bool IntakePhase(bool again);
  void PlanPhase(bool again);
  void MonitorPhase(bool again);
  void ClosePhase(bool again);
  void NoContact(bool early);
  bool Contacts();  // false: no contact (then the case was closed)
  void AfterEarlyClose(const sv* pool, size_t n);
  void AfterDoelBereikt(bool allow_reopen);
  void Reopened(int reopen);
  bool AgeOk(int day) const {
    if (!birth_given_ || tg_ == kGeen) return true;
    int age = AgeOn(birth_, day);
    return age >= 18 && age < 23;
  }

  const Options& o_;
  Cohort& co_;
  Stats& st_;
  Rng r_;
  uint64_t index_;
  uint32_t local_;

  // JSON state
  int depth_ = 0;
  bool need_comma_[12] = {};
  Cmd cmd_{};

  // route state
  int day_ = 0;
  int pace_ = 4;  // in quarters: 4 is the usual pace
  bool stopped_ = false;
  bool subject_ok_ = false;  // the subject's current case is open (or in aftercare) by the ledger clock
  Deviation dev_ = kNoDeviation;
  bool dev_done_ = false;
  int tg_ = kVsvNieuw;
  bool action_required_ = true;
  bool young_ = false;
  bool enrolled_ = false;  // as the latest signal or review said
  bool absence_ever_ = false;
  int first_contact_ = -1;
  int close_day_ = -1;
  int aftercare_until_ = -1;
  bool consent_active_ = false;
  bool consent_all_ = false;
  std::vector<sv> consent_partners_;
  uint32_t consent_cats_ = 0;  // bit per kCategories
  int consent_until_ = -1;
  int close_kind_ = -1;

  // the youth
  char ref_[16] = {};
  sv first_, last_;
  std::string school_;
  bool school_vso_ = false;
  int birth_ = 0;
  bool birth_given_ = true;
  std::string consulent_;
  int jikp_perspective_ = 0;
};

}  // namespace rmc::gen
