// rmc apply [FILE] [--atomic]: JSON Lines in, one result line per command out, in order.
// Group commit: commands are executed in batches, one write transaction per batch (a nested
// transaction per command); a batch ends when the input has nothing more ready or it is full,
// and its result lines are printed only after it is durable. A batch that cannot be written (a
// full disk) stops the run: nothing after it is run, so what is committed is always a prefix of
// the input, and running the same input again completes it.
#include <fcntl.h>
#include <poll.h>
#include <unistd.h>

#include <cstdio>

#include "codec/command_limits.h"
#include "context.h"

namespace rmc::cli {
namespace {

constexpr size_t kBatch = 1000;

// Reads lines from a file descriptor; tells whether more input is ready without blocking. A
// line longer than kMaxCommandBytes is not kept: its bytes are dropped as they arrive, and it
// comes out as too long, so that no input grows the buffer past the limit and one chunk.
class LineReader {
 public:
  explicit LineReader(int fd) : fd_(fd) {}
  // The next complete line (without its newline) if one is buffered; `too_long` tells that it
  // was over the limit (and `line` is empty).
  bool Buffered(std::string& line, bool& too_long) {
    too_long = long_ended_ || (skipping_ && eof_);
    if (too_long) {
      long_ended_ = skipping_ = false;
      line.clear();
      return true;
    }
    if (skipping_) return false;
    size_t nl = buffer_.find('\n', start_);
    if (nl == std::string::npos) {
      if (!eof_ || start_ >= buffer_.size()) return false;
      nl = buffer_.size();
    }
    too_long = nl - start_ > kMaxCommandBytes;
    if (too_long)
      line.clear();
    else
      line.assign(buffer_, start_, nl - start_);
    start_ = std::min(nl + 1, buffer_.size());
    return true;
  }
  bool Ready() const {
    pollfd p{fd_, POLLIN, 0};
    return poll(&p, 1, 0) > 0;
  }
  // Reads more (blocking); false at the end of the input. Called when no complete line is
  // buffered.
  bool Fill() {
    if (eof_) return false;
    buffer_.erase(0, start_);
    start_ = 0;
    char chunk[1 << 16];
    ssize_t n = read(fd_, chunk, sizeof chunk);
    if (n <= 0) {
      eof_ = true;
      return start_ < buffer_.size();
    }
    std::string_view more(chunk, size_t(n));
    if (skipping_) {
      size_t nl = more.find('\n');
      if (nl == std::string_view::npos) return true;
      skipping_ = false;
      long_ended_ = true;
      more.remove_prefix(nl + 1);
    }
    buffer_.append(more);
    if (buffer_.size() > kMaxCommandBytes && buffer_.find('\n') == std::string::npos) {
      skipping_ = true;  // the line being read is already too long
      buffer_.clear();
    }
    return true;
  }
  bool eof() const { return eof_; }

 private:
  int fd_;
  std::string buffer_;
  size_t start_ = 0;
  bool eof_ = false;
  bool skipping_ = false;    // inside a line over the limit, whose end has not been read
  bool long_ended_ = false;  // such a line has ended: it comes out before the buffered rest
};

struct Pending {
  std::vector<Command> commands;
  std::vector<Outcome> parse_failures;  // in input order, interleaved by `slots`
  std::vector<int> slots;               // >=0: index in commands; <0: -1-index in failures
  size_t last_line = 0;                 // of the input, counting from 1
};

// Executes the pending commands and prints their result lines. False when any failed; output
// failures go to g (OutputWritten), and then nothing more may be executed. `failure` is set when
// the batch could not be written.
bool Flush(Globals& g, Ledger& ledger, Pending& p, bool atomic, Status& failure) {
  bool all_ok = true;
  std::vector<Outcome> results = ledger.Execute(p.commands, atomic, &failure);
  for (int slot : p.slots) {
    const Outcome& o = slot >= 0 ? results[size_t(slot)] : p.parse_failures[size_t(-1 - slot)];
    all_ok &= o.ok();
    PrintJson(OutcomeJson(o));
  }
  if (!p.commands.empty() && failure.ok())
    g.recorded = "the commands of the input up to line " + std::to_string(p.last_line) +
                 " were executed, and those not refused are recorded; the rest was not. "
                 "Run the same input again: what was recorded is answered as a duplicate, and "
                 "the rest is executed";
  OutputWritten(g);
  p = Pending();
  return all_ok;
}

}  // namespace

// Long on purpose: the options, and the loop that reads, batches and prints, which share the
// state of the run (counts, the first failure, the output).
void RegisterApply(CLI::App& app, Globals& g, int& exit_code) {
  struct Options {
    std::string file;
    bool atomic = false;
  };
  auto o = std::make_shared<Options>();
  auto* sub = app.add_subcommand(
      "apply", "execute JSON commands, one per line, from FILE or standard input; print one "
               "result line per command (exit 0 when all succeeded, 3 when any failed, 1 when a "
               "batch could not be written: the run stops there)");
  sub->add_option("file", o->file, "JSON Lines file (default: standard input)");
  sub->add_flag("--atomic", o->atomic, "all or nothing: one transaction for the whole input");
  sub->callback([&g, &exit_code, o] {
    auto ledger = OpenOrFail(g, exit_code);
    if (!ledger) return;
    int fd = 0;
    if (!o->file.empty() && o->file != "-") {
      fd = open(o->file.c_str(), O_RDONLY);
      if (fd < 0) {
        exit_code = Fail(g, Status(Code::kUsage, "cannot read " + o->file));
        return;
      }
    }
    LineReader reader(fd);
    Pending pending;
    bool all_ok = true;
    size_t line_number = 0;
    Status failure;  // of the batch that stopped the run
    std::string stopped_at;  // the id of its first command
    auto add = [&](const std::string& line, bool too_long) {
      pending.last_line = ++line_number;
      if (!too_long && line.find_first_not_of(" \t\r") == std::string::npos) return;
      std::string id;
      auto command =
          too_long ? Result<Command>(CommandTooLong()) : ParseCommand(line, g.Defaults(), &id);
      if (!failure.ok()) {
        PrintJson(OutcomeJson(Outcome::Failed(
            id, LedgerError("not run: apply stopped at command " + stopped_at +
                            ", which could not be written (" + failure.message() + ")"))));
      } else if (command.ok()) {
        pending.slots.push_back(int(pending.commands.size()));
        pending.commands.push_back(std::move(*command));
      } else {
        pending.slots.push_back(-1 - int(pending.parse_failures.size()));
        pending.parse_failures.push_back(Outcome::Failed(id, command.status()));
      }
    };
    auto flush = [&](bool atomic) {
      const int slot = pending.slots.front();
      const std::string first = slot >= 0 ? pending.commands[size_t(slot)].id
                                          : pending.parse_failures[size_t(-1 - slot)].id;
      all_ok &= Flush(g, *ledger, pending, atomic, failure);
      if (!failure.ok() && stopped_at.empty()) stopped_at = first;
    };
    std::string line;
    bool too_long;
    for (;;) {
      // No command more once a result could not be printed: who would learn its outcome?
      while (!g.output_failed && reader.Buffered(line, too_long)) {
        add(line, too_long);
        if (!o->atomic && pending.slots.size() >= kBatch) flush(false);
      }
      if (reader.eof() || g.output_failed) break;
      // Nothing complete is buffered: commit what we have before waiting for more input.
      if (!o->atomic && !pending.slots.empty() && !reader.Ready()) flush(false);
      if (g.output_failed) break;
      reader.Fill();
    }
    if (o->atomic && !pending.parse_failures.empty()) {
      // Input that does not parse fails the whole atomic input before anything runs.
      for (int slot : pending.slots) {
        Outcome out;
        if (slot < 0) out = pending.parse_failures[size_t(-1 - slot)];
        else out = Outcome::Failed(pending.commands[size_t(slot)].id,
                                   LedgerError("not written: the input has a command that failed "
                                               "and --atomic rolls back the whole input"));
        PrintJson(OutcomeJson(out));
      }
      exit_code = 3;
      return;
    }
    if (!pending.slots.empty() && !g.output_failed) flush(o->atomic);
    if (fd > 0) close(fd);
    exit_code = g.output_failed ? 1 : all_ok ? 0 : 3;
    if (!failure.ok()) {
      OutputWritten(g);
      std::fprintf(stderr,
                   "rmc: error: ledger_error: %s; apply stopped at command %s: nothing from there "
                   "on was run. Once that is fixed, run the same input again: the commands "
                   "already committed are answered \"duplicate\": true, the rest are run\n",
                   failure.message().c_str(), stopped_at.c_str());
      exit_code = ExitCode(Code::kLedgerError);
    }
  });
}

}  // namespace rmc::cli
