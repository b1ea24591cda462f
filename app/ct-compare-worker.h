/* ct-compare-worker.h: comparisons computed off the UI thread, newest first
 *
 * The window's table compares hundreds of reports at a time (the newest
 * period of a province's library); a worker thread with a connection of
 * its own computes each request. One runs at a time: a request made while
 * it runs waits, replacing any request already waiting, and the running
 * one's result is dropped. Requests made in one turn of the main loop
 * start one worker, in an idle, for the last of them. The callback gets
 * the newest request's comparison (or error) and the data given with it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "ct-store-compare.h"

G_BEGIN_DECLS

#define CT_TYPE_COMPARE_WORKER (ct_compare_worker_get_type ())

G_DECLARE_FINAL_TYPE (CtCompareWorker, ct_compare_worker, CT, COMPARE_WORKER, GObject)

/* comparison is NULL when error is set; data is the request's. */
typedef void (*CtCompareDoneFunc) (CtComparison *comparison,
                                   const GError *error,
                                   gpointer      data,
                                   gpointer      user_data);

CtCompareWorker *ct_compare_worker_new     (CtCompareDoneFunc done,
                                            gpointer          user_data);
/* Compares query (taken) over the library at location; data (freed with
 * destroy) comes back to the callback when this is still the newest. */
void             ct_compare_worker_request (CtCompareWorker  *self,
                                            const gchar      *location,
                                            CtCompareQuery   *query,
                                            gpointer          data,
                                            GDestroyNotify    destroy);
/* TRUE from a request until its callback. */
gboolean         ct_compare_worker_get_busy (CtCompareWorker *self);
/* Drops the waiting request; a running one ends unheard. The callback is
 * not called again. */
void             ct_compare_worker_stop    (CtCompareWorker  *self);

G_END_DECLS
