#ifndef PARTYGRAPH_CGRAPHVIZ_SHIM_H
#define PARTYGRAPH_CGRAPHVIZ_SHIM_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <graphviz/gvc.h>
#include <graphviz/cgraph.h>

/*
 * Small wrappers that Swift 6 needs around the Graphviz C API:
 *  - the graph descriptors (Agdirected, ...) are mutable C globals, which
 *    Swift 6 refuses to read from concurrent code;
 *  - cgraph takes `char *` for strings it never modifies, which Swift does
 *    not bridge from `String`; these wrappers take `const char *`.
 * State: the ID discipline below keeps a table per graph (allocated by
 * cgraph's call of pg_id_open when the graph is opened, freed by pg_id_close
 * when it is closed), and pg_agopen hands every graph the same two static
 * discipline structs, which are never written. pg_dot_repair_ranks writes the
 * layout data of the graph it is given. Nothing else persists between calls.
 * Every call must still be serialised by the caller: Graphviz is not
 * thread-safe.
 */

/*
 * An ID discipline that makes object order depend only on creation order.
 *
 * cgraph's default discipline uses the *address* of an interned name string
 * as the ID of a named object, and keeps subgraphs ordered by ID: clusters
 * then come out (in DOT, in the layout, in SVG) in an order that depends on
 * where malloc put their names, which changes between renders in one process.
 * This discipline does what the default one does (names are interned cgraph
 * strings, even IDs for named objects, odd ones for anonymous objects) but
 * numbers names in the order they are first seen: 2, 4, 6, …
 * The state is a per-graph table: the names in ID order plus a hash index.
 */
typedef struct {
    Agraph_t *graph;
    char **names;           /* names[i] has ID 2 * (i + 1); cgraph refstrs */
    size_t count;
    size_t capacity;
    size_t *slots;          /* open addressing; 0 = empty, else index + 1 */
    size_t slotCount;       /* a power of two, at least 2 * count */
    IDTYPE nextAnonymous;   /* odd */
} pg_id_state;

static inline size_t pg_id_hash(const char *name) {
    size_t hash = (size_t)14695981039346656037ULL;
    for (const unsigned char *p = (const unsigned char *)name; *p; p++) {
        hash ^= *p;
        hash *= (size_t)1099511628211ULL;
    }
    return hash;
}

/* The slot holding `name`, or the empty slot where it would go. */
static inline size_t pg_id_slot(const pg_id_state *state, const char *name) {
    size_t mask = state->slotCount - 1;
    size_t slot = pg_id_hash(name) & mask;
    while (state->slots[slot] != 0 && strcmp(state->names[state->slots[slot] - 1], name) != 0) {
        slot = (slot + 1) & mask;
    }
    return slot;
}

static inline int pg_id_grow(pg_id_state *state) {
    if (state->count == state->capacity) {
        size_t capacity = state->capacity ? state->capacity * 2 : 64;
        char **names = (char **)realloc(state->names, capacity * sizeof(char *));
        if (names == NULL) return 0;
        state->names = names;
        state->capacity = capacity;
    }
    if (2 * (state->count + 1) > state->slotCount) {
        size_t slotCount = state->slotCount ? state->slotCount * 2 : 128;
        size_t *slots = (size_t *)calloc(slotCount, sizeof(size_t));
        if (slots == NULL) return 0;
        free(state->slots);
        state->slots = slots;
        state->slotCount = slotCount;
        for (size_t index = 0; index < state->count; index++) {
            state->slots[pg_id_slot(state, state->names[index])] = index + 1;
        }
    }
    return 1;
}

static inline void *pg_id_open(Agraph_t *g, Agdisc_t *disc) {
    (void)disc;
    pg_id_state *state = (pg_id_state *)calloc(1, sizeof(pg_id_state));
    if (state == NULL) return NULL;
    state->graph = g;
    state->nextAnonymous = 1;
    return state;
}

static inline long pg_id_map(void *opaque, int objtype, char *name, IDTYPE *id, int createflag) {
    (void)objtype;
    pg_id_state *state = (pg_id_state *)opaque;
    if (state == NULL) return 0;
    if (name == NULL) {
        *id = state->nextAnonymous;
        state->nextAnonymous += 2;
        return 1;
    }
    if (state->slotCount != 0) {
        size_t slot = pg_id_slot(state, name);
        if (state->slots[slot] != 0) {
            *id = (IDTYPE)(2 * state->slots[slot]);
            return 1;
        }
    }
    if (!createflag || !pg_id_grow(state)) return 0;
    char *interned = agstrdup(state->graph, name); /* freed with the graph's strings */
    if (interned == NULL) return 0;
    state->names[state->count] = interned;
    state->count++;
    state->slots[pg_id_slot(state, name)] = state->count;
    *id = (IDTYPE)(2 * state->count);
    return 1;
}

static inline long pg_id_alloc(void *state, int objtype, IDTYPE request) {
    (void)state;
    (void)objtype;
    (void)request;
    return 0; /* no caller-chosen IDs, like the default discipline */
}

static inline void pg_id_free(void *state, int objtype, IDTYPE id) {
    /* Names stay in the table until the graph is closed. */
    (void)state;
    (void)objtype;
    (void)id;
}

static inline char *pg_id_print(void *opaque, int objtype, IDTYPE id) {
    (void)objtype;
    pg_id_state *state = (pg_id_state *)opaque;
    if (state == NULL || id % 2 != 0 || id == 0 || id / 2 > state->count) return NULL;
    return state->names[id / 2 - 1];
}

static inline void pg_id_close(void *opaque) {
    pg_id_state *state = (pg_id_state *)opaque;
    if (state == NULL) return;
    free(state->names);
    free(state->slots);
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
