// Ctrl-C and SIGTERM during a long run (build): the first one is remembered, so the run can stop
// between records, leave nothing half-made and say what it did; a second one, of either kind,
// ends the process at once (the default action is restored when the first arrives).
#pragma once

namespace esc {

// Installs the handlers for SIGINT and SIGTERM. Call once, from the main thread, before the
// work starts; commands that do not stop gracefully keep the default action.
void catch_interrupts();

// The signal that arrived since catch_interrupts() (SIGINT or SIGTERM), or 0. Safe to call from
// any thread.
int interrupted();

}  // namespace esc
