// Processing activities (AVG art. 30; DESIGN.md, Accountability): the register entry each
// event is processed under. The default register of an RMC region, version 1.
#pragma once

#include "event.capnp.h"

namespace rmc {

// rmc-signalering (steps 1-3), rmc-trajectbegeleiding (4-10 and any-time actions),
// rmc-nazorg (11), rmc-evaluatie (12-13), rmc-verantwoording (settings, corrections, erasure).
const char* ActivityFor(schema::Payload::Which type);
constexpr uint32_t kRegisterVersion = 1;

}  // namespace rmc
