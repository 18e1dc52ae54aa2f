// The declaration of libFuzzer's driver is all this target holds (see include/CFuzzerDriver.h).
#include "CFuzzerDriver.h"
