#ifndef PARTYGRAPH_CGRAPHVIZ_SHIM_H
#define PARTYGRAPH_CGRAPHVIZ_SHIM_H
#include <graphviz/gvc.h>
#include <graphviz/cgraph.h>
#endif
