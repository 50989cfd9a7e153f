// A line of `rmc apply`: parsed, and its result line when it is refused.
#include <cstdlib>

#include "codec/command.h"
#include "context.h"
#include "targets.h"

namespace rmc::fuzz {

void Command(std::string_view bytes) {
  std::string id;
  auto command = ParseCommand(bytes, {"fuzz", schema::Role::CONSULENT, ""}, &id);
  if (command.ok()) {
    // A parsed command names itself and its type, and carries its idempotency hash.
    if (command->id.empty() || command->type.empty() || command->hash.size() != 32) std::abort();
    return;
  }
  if (command.status().code() != Code::kInvalidInput) std::abort();
  cli::OutcomeJson(Outcome::Failed(id, command.status()))
      .dump(-1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace rmc::fuzz
