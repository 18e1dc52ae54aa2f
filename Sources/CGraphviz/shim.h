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

/*
 * An ID discipline that makes object order depend only on creation order.
 *
 * cgraph's default discipline uses the *address* of an interned name string
 * as the ID of a named object, and keeps subgraphs ordered by ID: clusters
 * then come out (in DOT, in the layout, in SVG) in an order that depends on
 * where malloc put their names, which changes between renders in one process.
 * Here `map` declines every name, so cgraph keeps names in its internal map
 * and gives each object the next ID of a per-graph counter instead.
 */
static inline void *pg_id_open(Agraph_t *g, Agdisc_t *disc) {
    (void)g;
    (void)disc;
    IDTYPE *counter = (IDTYPE *)malloc(sizeof(IDTYPE));
    if (counter != NULL) *counter = 1;
    return counter;
}

static inline long pg_id_map(void *state, int objtype, char *name, IDTYPE *id, int createflag) {
    (void)objtype;
    (void)createflag;
    if (name != NULL || state == NULL) return 0; /* names: cgraph's internal map */
    IDTYPE *counter = (IDTYPE *)state;
    *id = *counter;
    *counter += 2; /* odd IDs, as cgraph expects of anonymous objects */
    return 1;
}

static inline long pg_id_alloc(void *state, int objtype, IDTYPE request) {
    (void)state;
    (void)objtype;
    (void)request;
    return 0; /* no caller-chosen IDs */
}

static inline void pg_id_free(void *state, int objtype, IDTYPE id) {
    (void)state;
    (void)objtype;
    (void)id;
}

static inline char *pg_id_print(void *state, int objtype, IDTYPE id) {
    (void)state;
    (void)objtype;
    (void)id;
    return NULL; /* names come from cgraph's internal map */
}

static inline void pg_id_close(void *state) {
    free(state);
}

static inline void pg_id_register(void *state, int objtype, void *object) {
    (void)state;
    (void)objtype;
    (void)object;
}

/* Opens a root graph with the ID discipline above; `directed` and `strict` are booleans. */
static inline Agraph_t *pg_agopen(const char *name, int directed, int strict) {
    static Agiddisc_t idDiscipline = {
        pg_id_open, pg_id_map, pg_id_alloc, pg_id_free, pg_id_print, pg_id_close, pg_id_register
    };
    static Agdisc_t discipline = { &AgMemDisc, &idDiscipline, &AgIoDisc };
    Agdesc_t desc;
    if (directed) {
        desc = strict ? Agstrictdirected : Agdirected;
    } else {
        desc = strict ? Agstrictundirected : Agundirected;
    }
    return agopen((char *)name, desc, &discipline);
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

/*
 * Works around a double free in Graphviz 2.42's `dot` layout, to be called
 * after a `dot` layout and before gvFreeLayout.
 *
 * For labelled edges between nodes of the same rank, dot makes room for the
 * label nodes by reallocating the root graph's rank array `v` (make_vn_slot
 * in flat.c) without updating `av`, the pointer that dot_cleanup frees: the
 * old block is freed twice, which aborts or corrupts the heap (seen with
 * clusters). In the root graph `av` and `v` are otherwise always equal, so
 * pointing `av` at the live block makes the cleanup free each block once.
 * Returns how many ranks were repaired.
 */
static inline int pg_dot_repair_ranks(Agraph_t *g) {
    if (g == NULL || AGDATA(g) == NULL || GD_rank(g) == NULL) return 0;
    int repaired = 0;
    for (int r = GD_minrank(g); r <= GD_maxrank(g); r++) {
        if (GD_rank(g)[r].av != GD_rank(g)[r].v) {
            GD_rank(g)[r].av = GD_rank(g)[r].v;
            repaired++;
        }
    }
    return repaired;
}

static inline void pg_free(void *pointer) {
    free(pointer);
}

#endif
