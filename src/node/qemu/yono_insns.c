/*
 * yono_insns.c - a QEMU TCG plugin (plugin API version 1, as in QEMU 7.2 / Debian 12) that counts the
 * guest instructions a program executes: in total, per ELF symbol (every symbol, found automatically),
 * and per "region" that the program selects at run time by storing a byte to an address of a probe array.
 *
 *   gcc -shared -fPIC -O2 -o yono_insns.so yono_insns.c          (host gcc; QEMU's header is not needed)
 *   qemu-system-arm ... -plugin ./yono_insns.so[,probe=0x20001000,regions=64[,probe_fn=NAME]] -d plugin -D counts.txt
 *
 * Regions: a store of any width to probe + r (0 <= r < regions) by the function `probe_fn` (default
 * yono_probe; keep it noinline) makes r the current region; the instructions of every translation block
 * then count towards the region current when the block starts (region 0 before the first store). Only
 * that function's stores are watched, and without `probe=` there are no regions and no per-block callback,
 * so counting costs little emulation speed.
 * The report (QEMU's plugin log, `-D`) is one line per figure:
 *   yono-insns total <n>
 *   yono-insns symbol <name> <n>        (instructions outside any symbol: name "?")
 *   yono-insns region <r> <n>
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The subset of <qemu-plugin.h> (API v1) used here: Debian ships no header for it. */
typedef uint64_t qemu_plugin_id_t;
typedef struct qemu_info_t qemu_info_t;
typedef uint32_t qemu_plugin_meminfo_t;
struct qemu_plugin_tb;
struct qemu_plugin_insn;
enum qemu_plugin_cb_flags { QEMU_PLUGIN_CB_NO_REGS, QEMU_PLUGIN_CB_R_REGS, QEMU_PLUGIN_CB_RW_REGS };
enum qemu_plugin_mem_rw { QEMU_PLUGIN_MEM_R = 1, QEMU_PLUGIN_MEM_W, QEMU_PLUGIN_MEM_RW };
enum qemu_plugin_op { QEMU_PLUGIN_INLINE_ADD_U64 };
typedef void (*trans_fn)(qemu_plugin_id_t, struct qemu_plugin_tb *);
typedef void (*exit_fn)(qemu_plugin_id_t, void *);
typedef void (*vcpu_fn)(unsigned int, void *);
typedef void (*mem_fn)(unsigned int, qemu_plugin_meminfo_t, uint64_t, void *);
extern void qemu_plugin_register_vcpu_tb_trans_cb(qemu_plugin_id_t, trans_fn);
extern void qemu_plugin_register_atexit_cb(qemu_plugin_id_t, exit_fn, void *);
extern void qemu_plugin_register_vcpu_tb_exec_inline(struct qemu_plugin_tb *, enum qemu_plugin_op, void *, uint64_t);
extern void qemu_plugin_register_vcpu_tb_exec_cb(struct qemu_plugin_tb *, vcpu_fn, enum qemu_plugin_cb_flags, void *);
extern void qemu_plugin_register_vcpu_insn_exec_inline(struct qemu_plugin_insn *, enum qemu_plugin_op, void *, uint64_t);
extern void qemu_plugin_register_vcpu_mem_cb(struct qemu_plugin_insn *, mem_fn, enum qemu_plugin_cb_flags,
                                             enum qemu_plugin_mem_rw, void *);
extern size_t qemu_plugin_tb_n_insns(const struct qemu_plugin_tb *);
extern struct qemu_plugin_insn *qemu_plugin_tb_get_insn(const struct qemu_plugin_tb *, size_t);
extern const char *qemu_plugin_insn_symbol(const struct qemu_plugin_insn *);
extern void qemu_plugin_outs(const char *);

__attribute__((visibility("default"))) int qemu_plugin_version = 1;

#define MAX_SYMBOLS 4096
#define MAX_REGIONS 4096

/* Symbols: QEMU hands out one string per ELF symbol, so its address identifies the symbol; an open
   addressing table maps it to a counter. Slot 0 is "no symbol". */
static const char *sym_name[MAX_SYMBOLS];
static char sym_is_probe[MAX_SYMBOLS];
static const char *probe_fn = "yono_probe";
static uint64_t sym_count[MAX_SYMBOLS];
static int n_symbols = 1;
static int table[2 * MAX_SYMBOLS];

static uint64_t total;
static uint64_t probe_base, region_count[MAX_REGIONS];
static uint32_t n_regions, current_region;

static int symbol_slot(const char *name) {
  uintptr_t h;
  uint32_t i;
  if (!name) return 0;
  h = (uintptr_t)name;
  for (i = (uint32_t)((h >> 3) * 2654435761u) % (2 * MAX_SYMBOLS);; i = (i + 1) % (2 * MAX_SYMBOLS)) {
    int s = table[i];
    if (s == 0) {
      if (n_symbols == MAX_SYMBOLS) return 0;
      sym_name[n_symbols] = name;
      sym_is_probe[n_symbols] = strcmp(name, probe_fn) == 0;
      table[i] = n_symbols;
      return n_symbols++;
    }
    if (sym_name[s] == name) return s;
  }
}

static void on_store(unsigned int vcpu, qemu_plugin_meminfo_t info, uint64_t vaddr, void *udata) {
  (void)vcpu; (void)info; (void)udata;
  if (vaddr >= probe_base && vaddr < probe_base + n_regions) current_region = (uint32_t)(vaddr - probe_base);
}

static void on_block(unsigned int vcpu, void *udata) {
  (void)vcpu;
  region_count[current_region] += (uint64_t)(uintptr_t)udata;
}

static void on_translate(qemu_plugin_id_t id, struct qemu_plugin_tb *tb) {
  size_t n = qemu_plugin_tb_n_insns(tb), i;
  (void)id;
  qemu_plugin_register_vcpu_tb_exec_inline(tb, QEMU_PLUGIN_INLINE_ADD_U64, &total, n);
  if (n_regions) qemu_plugin_register_vcpu_tb_exec_cb(tb, on_block, QEMU_PLUGIN_CB_NO_REGS, (void *)(uintptr_t)n);
  for (i = 0; i < n; i++) {
    struct qemu_plugin_insn *insn = qemu_plugin_tb_get_insn(tb, i);
    int s = symbol_slot(qemu_plugin_insn_symbol(insn));
    qemu_plugin_register_vcpu_insn_exec_inline(insn, QEMU_PLUGIN_INLINE_ADD_U64, &sym_count[s], 1);
    if (n_regions && sym_is_probe[s]) qemu_plugin_register_vcpu_mem_cb(insn, on_store, QEMU_PLUGIN_CB_NO_REGS, QEMU_PLUGIN_MEM_W, NULL);
  }
}

static void report(qemu_plugin_id_t id, void *udata) {
  char line[512];
  int s;
  uint32_t r;
  (void)id; (void)udata;
  snprintf(line, sizeof line, "yono-insns total %llu\n", (unsigned long long)total);
  qemu_plugin_outs(line);
  for (s = 0; s < n_symbols; s++) {
    if (!sym_count[s]) continue;
    snprintf(line, sizeof line, "yono-insns symbol %s %llu\n", s ? sym_name[s] : "?", (unsigned long long)sym_count[s]);
    qemu_plugin_outs(line);
  }
  for (r = 0; r < n_regions; r++) {
    if (!region_count[r]) continue;
    snprintf(line, sizeof line, "yono-insns region %u %llu\n", r, (unsigned long long)region_count[r]);
    qemu_plugin_outs(line);
  }
}

__attribute__((visibility("default")))
int qemu_plugin_install(qemu_plugin_id_t id, const qemu_info_t *info, int argc, char **argv) {
  int i;
  (void)info;
  sym_name[0] = "?";
  for (i = 0; i < argc; i++) {
    if (strncmp(argv[i], "probe=", 6) == 0) probe_base = strtoull(argv[i] + 6, NULL, 0);
    else if (strncmp(argv[i], "regions=", 8) == 0) n_regions = (uint32_t)strtoul(argv[i] + 8, NULL, 0);
    else if (strncmp(argv[i], "probe_fn=", 9) == 0) probe_fn = strdup(argv[i] + 9);
    else {
      fprintf(stderr, "yono_insns: unknown argument '%s' (expected probe=ADDR, regions=N, probe_fn=NAME)\n", argv[i]);
      return -1;
    }
  }
  if (n_regions > MAX_REGIONS || (n_regions && !probe_base)) {
    fprintf(stderr, "yono_insns: regions=N needs probe=ADDR and N <= %d\n", MAX_REGIONS);
    return -1;
  }
  qemu_plugin_register_vcpu_tb_trans_cb(id, on_translate);
  qemu_plugin_register_atexit_cb(id, report, NULL);
  return 0;
}
