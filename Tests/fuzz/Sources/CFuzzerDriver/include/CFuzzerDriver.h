#ifndef PARTYGRAPH_CFUZZERDRIVER_H
#define PARTYGRAPH_CFUZZERDRIVER_H
#include <stddef.h>
#include <stdint.h>

// libFuzzer's driver (in the runtime -sanitize=fuzzer links): parses the libFuzzer flags in argv and runs the
// callback on each input. Called from the fuzzer's entry point, because SwiftPM names an executable's `main` after
// its module (`--defsym main=DatasetFuzzer_main`), so libFuzzer's own `main` is never the one that runs.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif
