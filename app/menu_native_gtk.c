//go:build linux && desktop && webkit2_41

// The two things Wails v2 cannot do with a Linux window's native menu:
// relabel it at run time (its MenuSetApplicationMenu builds a new GTK menu
// bar that is never put into the window) and run the web view's editing
// commands (its Edit menu role is macOS only). Both find their widget from
// the application's toplevel windows and run on the GTK main thread.
#include <stdlib.h>
#include <string.h>
#include <gtk/gtk.h>
#include <webkit2/webkit2.h>
#include "_cgo_export.h"

static GtkWidget *find_widget(GtkWidget *w, GType type) {
	if (G_TYPE_CHECK_INSTANCE_TYPE(w, type)) return w;
	if (!GTK_IS_CONTAINER(w)) return NULL;
	GList *children = gtk_container_get_children(GTK_CONTAINER(w));
	GtkWidget *found = NULL;
	for (GList *l = children; l != NULL && found == NULL; l = l->next) found = find_widget(GTK_WIDGET(l->data), type);
	g_list_free(children);
	return found;
}

static GtkWidget *find_in_toplevels(GType type) {
	GList *tops = gtk_window_list_toplevels();
	GtkWidget *found = NULL;
	for (GList *l = tops; l != NULL && found == NULL; l = l->next) found = find_widget(GTK_WIDGET(l->data), type);
	g_list_free(tops);
	return found;
}

typedef struct {
	char **labels;
	int n;
	int next;
	GString *seen; // the labels as GTK shows them afterwards, one a line
} relabel_job;

// relabel_shell walks a menu bar or menu depth first, in the order Wails
// built it (menuLabelOrder in Go), skipping separators.
static void relabel_shell(GtkWidget *shell, relabel_job *job) {
	GList *items = gtk_container_get_children(GTK_CONTAINER(shell));
	for (GList *l = items; l != NULL; l = l->next) {
		GtkWidget *item = GTK_WIDGET(l->data);
		if (!GTK_IS_MENU_ITEM(item) || GTK_IS_SEPARATOR_MENU_ITEM(item)) continue;
		if (job->next < job->n) gtk_menu_item_set_label(GTK_MENU_ITEM(item), job->labels[job->next]);
		job->next++;
		const char *now = gtk_menu_item_get_label(GTK_MENU_ITEM(item));
		g_string_append(job->seen, now ? now : "");
		g_string_append_c(job->seen, '\n');
		GtkWidget *sub = gtk_menu_item_get_submenu(GTK_MENU_ITEM(item));
		if (sub != NULL) relabel_shell(sub, job);
	}
	g_list_free(items);
}

static gboolean relabel_idle(gpointer data) {
	relabel_job *job = data;
	GtkWidget *bar = find_in_toplevels(GTK_TYPE_MENU_BAR);
	if (bar != NULL) relabel_shell(bar, job);
	// Tell Go what GTK now shows and how many items it walked.
	copydeskMenuRelabelled(job->seen->str, job->next, job->n);
	for (int i = 0; i < job->n; i++) free(job->labels[i]);
	free(job->labels);
	g_string_free(job->seen, TRUE);
	free(job);
	return G_SOURCE_REMOVE;
}

// copydesk_relabel_menu takes ownership of labels (malloc'd strings in a
// malloc'd array) and relabels the menu on the main thread.
void copydesk_relabel_menu(char **labels, int n) {
	relabel_job *job = calloc(1, sizeof(relabel_job));
	job->labels = labels;
	job->n = n;
	job->seen = g_string_new(NULL);
	g_idle_add(relabel_idle, job);
}

static gboolean edit_idle(gpointer data) {
	GtkWidget *view = find_in_toplevels(WEBKIT_TYPE_WEB_VIEW);
	if (view != NULL) webkit_web_view_execute_editing_command(WEBKIT_WEB_VIEW(view), (const char *)data);
	free(data);
	return G_SOURCE_REMOVE;
}

// copydesk_edit_command runs a WebKit editing command ("Undo", "Copy", …) in
// the window's web view; it takes ownership of command.
void copydesk_edit_command(char *command) {
	g_idle_add(edit_idle, command);
}
