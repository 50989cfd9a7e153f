// Events kept in memory as a CaseHistory (domain/case_history.h), for tests and seeds that fold
// events without a store: the fold reads them back when a correction folds a case again.
#pragma once

#include <capnp/message.h>

#include <memory>
#include <string_view>
#include <vector>

#include "domain/case_history.h"

namespace rmc::testing {

class MemoryCaseHistory : public CaseHistory {
 public:
  // Keeps a copy of `event`; events are added in log order.
  void Add(schema::Event::Reader event) {
    events_.push_back(std::make_unique<capnp::MallocMessageBuilder>());
    events_.back()->setRoot(event);
  }
  void Clear() { events_.clear(); }

  Status Walk(std::string_view case_id, uint64_t before,
              const std::function<bool(schema::Event::Reader)>& visit) override {
    for (const auto& message : events_) {
      auto e = message->getRoot<schema::Event>().asReader();
      if (e.getPosition() >= before) break;
      if (std::string_view(e.getCaseId().cStr()) == case_id && !visit(e)) break;
    }
    return Status::Ok();
  }

 private:
  std::vector<std::unique_ptr<capnp::MallocMessageBuilder>> events_;
};

}  // namespace rmc::testing
