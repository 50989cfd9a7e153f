@0xaa9800a7c98b2947;
# The access log (docs/accountability.md; docs/storage.md): one record per youth whose data a
# command showed, chained like the event log, in the same ledger. Evolve by appending only.

using Ev = import "event.capnp";
$import "/capnp/c++.capnp".namespace("rmc::schema");

enum AccessResult {
  ok @0;      # the data was shown
  erased @1;  # the youth's personal data was erased: only the facts that remain were shown
}

struct AccessRecord {
  position @0 :UInt64;            # in the access log: gap-free, from 1
  recordedAt @1 :Int64;           # ledger clock ($RMC_NOW), ns since the epoch, UTC
  actor @2 :Ev.Actor;             # who read, in which role
  action @3 :Text;                # the command that showed the data: "show", "list", "history",
                                  # "events", "audit reads", ...
  object @4 :Text;                # what was read: a case id, or "access-log"
  subject @5 :Data;               # pseudonymous subject id (16 bytes); empty: no youth
  purpose @6 :Text;               # --purpose as given (kept after an erasure: no personal data
                                  # belongs in it, docs/accountability.md)
  processingActivity @7 :Ev.ActivityRef;  # the register entry the read was done under
  result @8 :AccessResult;
  traceId @9 :Data;               # 16 bytes, shared by the records of one command
  spanId @10 :Data;               # 8 bytes, this record's own
  prevHash @11 :Data;             # BLAKE2b-256 of the stored bytes of the record before; the first
                                  # record's: BLAKE2b-256 of "access" || ledger id
  parentSpanId @12 :Data;         # 8 bytes. A read that showed several youths is one parent action
                                  # with one child record per youth (LDV 1.0.0, 3.3.1.1): in each
                                  # child, the parent action's span. Otherwise the caller's span,
                                  # when a calling tool passed one. Empty: neither
  callerSpanId @13 :Data;         # 8 bytes, the caller's span when a calling tool passed one: the
                                  # parent of the read's first action. Equal to parentSpanId unless
                                  # this record is a child of a parent action
  caller @14 :Text;               # the calling application (a URL), as the read named it or the
                                  # region's setting ldv_caller; empty: not called by one
}
