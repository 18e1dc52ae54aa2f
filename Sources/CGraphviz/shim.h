#ifndef PARTYGRAPH_CGRAPHVIZ_SHIM_H
#define PARTYGRAPH_CGRAPHVIZ_SHIM_H

#include <stdio.h>
#include <stdlib.h>
#include <graphviz/gvc.h>
#include <graphviz/cgraph.h>

/*
 * Small wrappers that Swift 6 needs around the Graphviz C API:
 *  - the graph descriptors (Agdirected, ...) are mutable C globals, which
 *    Swift 6 refuses to read from concurrent code;
 *  - cgraph takes `char *` for strings it never modifies, which Swift does
 *    not bridge from `String`; these wrappers take `const char *`.
 * Nothing here keeps state. Every call must still be serialised by the caller:
 * Graphviz is not thread-safe.
 */

/* Opens a root graph; `directed` and `strict` are booleans. */
static inline Agraph_t *pg_agopen(const char *name, int directed, int strict) {
    Agdesc_t desc;
    if (directed) {
        desc = strict ? Agstrictdirected : Agdirected;
    } else {
        desc = strict ? Agstrictundirected : Agundirected;
    }
    return agopen((char *)name, desc, NULL);
}

/* Declares (or redeclares the default of) an attribute for graphs, nodes or edges. */
static inline Agsym_t *pg_agattr(Agraph_t *g, int kind, const char *name, const char *value) {
    return agattr(g, kind, (char *)name, (char *)value);
}

static inline int pg_agxset(void *obj, Agsym_t *sym, const char *value) {
    return agxset(obj, sym, (char *)value);
}

static inline Agnode_t *pg_agnode(Agraph_t *g, const char *name) {
    return agnode(g, (char *)name, 1);
}

/* Creates a new anonymous edge (a new one for every call in a non-strict graph). */
static inline Agedge_t *pg_agedge(Agraph_t *g, Agnode_t *tail, Agnode_t *head) {
    return agedge(g, tail, head, NULL, 1);
}

static inline Agraph_t *pg_agsubg(Agraph_t *g, const char *name) {
    return agsubg(g, (char *)name, 1);
}

/* Frees a list returned by gvPluginList. */
static inline void pg_free_plugin_list(char **list, int count) {
    if (list == NULL) return;
    for (int i = 0; i < count; i++) free(list[i]);
    free(list);
}

/*
 * Writes the graph as DOT text (no layout needed) into a malloc'ed buffer.
 * Returns 0 on success; the caller frees *out with free().
 */
static inline int pg_agwrite_to_memory(Agraph_t *g, char **out, size_t *length) {
    *out = NULL;
    *length = 0;
    FILE *stream = open_memstream(out, length);
    if (stream == NULL) return -1;
    int rc = agwrite(g, stream);
    if (fclose(stream) != 0) rc = -1;
    return rc;
}

static inline void pg_free(void *pointer) {
    free(pointer);
}

#endif
