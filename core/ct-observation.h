/* ct-observation.h: one indicator measured in one clause
 *
 * Absent numbers are NAN (test with isnan()); absent strings are NULL.
 * Field meanings follow ../shared/gold/SCHEMA.md.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <math.h>

G_BEGIN_DECLS

typedef enum
{
  CT_KIND_ACHIEVEMENT, /* a result of the reported period */
  CT_KIND_TARGET,      /* a target for the coming period; never an achievement */
} CtObservationKind;

typedef enum
{
  CT_BASIS_NONE,
  CT_BASIS_PLAN,   /* kế hoạch, KH, chỉ tiêu */
  CT_BASIS_BUDGET, /* dự toán */
  CT_BASIS_TOTAL,  /* X of a whole set: 8/9 tiêu chí, 13/13 xã */
} CtBasis;

typedef enum
{
  CT_FLAG_RATE_MISMATCH      = 1 << 0, /* stated rate is > 1 point from value/plan */
  CT_FLAG_UNIT_SUSPECT       = 1 << 1, /* the unit does not fit the thing (pigs in tấn) */
  CT_FLAG_PLAN_BELOW_VALUE   = 1 << 2, /* value exceeds plan yet the rate is under 100 */
  CT_FLAG_STATUS_CONTRADICTS = 1 << 3, /* "chưa đạt" while the figure meets its plan */
  CT_FLAG_NUMBER_SUSPECT     = 1 << 4, /* separators mixed or ambiguous, read by rule */
  CT_FLAG_OCR                = 1 << 5, /* read from a scan by OCR */
  CT_FLAG_OCR_DOUBTFUL       = 1 << 6, /* the OCR was unsure of a figure on its line: check it */
} CtFlags;

#define CT_N_FLAGS 7

typedef struct
{
  CtObservationKind kind;
  gchar   *label;         /* the thing measured: "Tổng sản lượng lương thực có hạt" */
  gchar   *section;       /* heading path as text */
  gdouble  value;         /* achieved value, NAN when absent */
  gdouble  value_high;    /* upper end of a range ("43-45%"), else NAN */
  gchar   *qualifier;     /* hơn, gần, khoảng, trên, dưới, ước … or NULL */
  gchar   *unit;          /* as written, normalised spacing: "tỷ đồng", "ha", "%" */
  gdouble  plan;          /* NAN when absent */
  CtBasis  basis;
  gdouble  rate;          /* stated % of plan, NAN when absent */
  gdouble  rate_computed; /* value / plan × 100 where both exist */
  gdouble  yoy;           /* % of the same period last year */
  gchar   *status;        /* a word of status-words.tsv ("đạt", "chưa đạt" …) */
  guint    flags;         /* CtFlags */
  gsize    start;         /* byte span of the clause in the document's text */
  gsize    end;
  guint    line;          /* source line (text) or paragraph number (docx) */
} CtObservation;

CtObservation *ct_observation_new       (void);
CtObservation *ct_observation_copy      (const CtObservation *obs);
void           ct_observation_free      (CtObservation       *obs);

/* What a status word means (resources/data/status-words.tsv). */
typedef enum
{
  CT_STATUS_NONE,        /* no status, or a word the table does not hold */
  CT_STATUS_MET,
  CT_STATUS_EXCEEDED,
  CT_STATUS_NOT_MET,
  CT_STATUS_IN_PROGRESS,
} CtStatusMeaning;

CtStatusMeaning ct_status_meaning     (const gchar         *status);
/* The status words, NULL-terminated: what the keywords table may map to. */
const gchar * const *ct_status_words  (void);
/* Loads the table with its meanings checked; the test suite calls it. */
gboolean       ct_status_check_table  (GError             **error);
/* The arithmetic check of the written figures, the same for extraction
 * and for a user's correction: the rate computed from value/plan (a plan
 * above zero only), and the flags rate_mismatch (a stated rate more than
 * one point away) and plan_below_value (a value over its plan with a stated
 * rate under 100), set or cleared. */
void           ct_observation_check_numbers (CtObservation   *obs);
const gchar   *ct_basis_to_string       (CtBasis              basis);
CtBasis        ct_basis_from_string     (const gchar         *str);
const gchar   *ct_kind_to_string        (CtObservationKind    kind);
const gchar   *ct_flag_to_string        (CtFlags              flag);
CtFlags        ct_flag_from_string      (const gchar         *str);
gchar        **ct_flags_to_strv         (guint                flags);
guint          ct_flags_from_string     (const gchar         *comma_separated);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CtObservation, ct_observation_free)

G_END_DECLS
