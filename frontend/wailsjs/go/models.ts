export namespace app {
	
	export class AddedCitation {
	    text: string;
	    label: string;
	    refFrom: number;
	    refTo: number;
	
	    static createFrom(source: any = {}) {
	        return new AddedCitation(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.text = source["text"];
	        this.label = source["label"];
	        this.refFrom = source["refFrom"];
	        this.refTo = source["refTo"];
	    }
	}
	export class AppInfo {
	    version: string;
	    face: string;
	    dbPath: string;
	
	    static createFrom(source: any = {}) {
	        return new AppInfo(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.version = source["version"];
	        this.face = source["face"];
	        this.dbPath = source["dbPath"];
	    }
	}
	export class AuditProblem {
	    code: string;
	    severity: string;
	    label: string;
	    line: number;
	    url: string;
	    message: string;
	    params: Record<string, string>;
	
	    static createFrom(source: any = {}) {
	        return new AuditProblem(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.code = source["code"];
	        this.severity = source["severity"];
	        this.label = source["label"];
	        this.line = source["line"];
	        this.url = source["url"];
	        this.message = source["message"];
	        this.params = source["params"];
	    }
	}
	export class AuditDraft {
	    draftId: number;
	    title: string;
	    errors: number;
	    warnings: number;
	    problems: AuditProblem[];
	
	    static createFrom(source: any = {}) {
	        return new AuditDraft(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.draftId = source["draftId"];
	        this.title = source["title"];
	        this.errors = source["errors"];
	        this.warnings = source["warnings"];
	        this.problems = this.convertValues(source["problems"], AuditProblem);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class CapturedCitation {
	    url: string;
	    finalUrl: string;
	    status: string;
	    httpStatus: number;
	    error: string;
	    wall: string;
	    fields: citations.Fields;
	    evidence: citations.Evidence;
	    warnings: string[];
	    line: string;
	    archiveUrl: string;
	    checkedAt: string;
	
	    static createFrom(source: any = {}) {
	        return new CapturedCitation(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.url = source["url"];
	        this.finalUrl = source["finalUrl"];
	        this.status = source["status"];
	        this.httpStatus = source["httpStatus"];
	        this.error = source["error"];
	        this.wall = source["wall"];
	        this.fields = this.convertValues(source["fields"], citations.Fields);
	        this.evidence = this.convertValues(source["evidence"], citations.Evidence);
	        this.warnings = source["warnings"];
	        this.line = source["line"];
	        this.archiveUrl = source["archiveUrl"];
	        this.checkedAt = source["checkedAt"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class CaptureSummary {
	    jobId: string;
	    cancelled: boolean;
	    results: CapturedCitation[];
	
	    static createFrom(source: any = {}) {
	        return new CaptureSummary(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.jobId = source["jobId"];
	        this.cancelled = source["cancelled"];
	        this.results = this.convertValues(source["results"], CapturedCitation);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class CitationRow {
	    label: string;
	    number: number;
	    line: number;
	    from: number;
	    to: number;
	    raw: string;
	    houseStyle: boolean;
	    formatError: string;
	    fields: citations.Fields;
	    refCount: number;
	    firstRef: number;
	    duplicate: boolean;
	    link: citations.LinkState;
	
	    static createFrom(source: any = {}) {
	        return new CitationRow(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.label = source["label"];
	        this.number = source["number"];
	        this.line = source["line"];
	        this.from = source["from"];
	        this.to = source["to"];
	        this.raw = source["raw"];
	        this.houseStyle = source["houseStyle"];
	        this.formatError = source["formatError"];
	        this.fields = this.convertValues(source["fields"], citations.Fields);
	        this.refCount = source["refCount"];
	        this.firstRef = source["firstRef"];
	        this.duplicate = source["duplicate"];
	        this.link = this.convertValues(source["link"], citations.LinkState);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class CitationList {
	    rows: CitationRow[];
	    today: string;
	    inOrder: boolean;
	
	    static createFrom(source: any = {}) {
	        return new CitationList(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.rows = this.convertValues(source["rows"], CitationRow);
	        this.today = source["today"];
	        this.inOrder = source["inOrder"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class DraftFilter {
	    query: string;
	    status: string;
	    topic: string;
	    tag: string;
	    hasProblems: boolean;
	    trashed: boolean;
	
	    static createFrom(source: any = {}) {
	        return new DraftFilter(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.query = source["query"];
	        this.status = source["status"];
	        this.topic = source["topic"];
	        this.tag = source["tag"];
	        this.hasProblems = source["hasProblems"];
	        this.trashed = source["trashed"];
	    }
	}
	export class DraftSummary {
	    id: number;
	    title: string;
	    status: string;
	    date: string;
	    updatedAt: string;
	    topics: string[];
	    tags: string[];
	    errors: number;
	    warnings: number;
	    path: string;
	    snippet: string;
	
	    static createFrom(source: any = {}) {
	        return new DraftSummary(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.title = source["title"];
	        this.status = source["status"];
	        this.date = source["date"];
	        this.updatedAt = source["updatedAt"];
	        this.topics = source["topics"];
	        this.tags = source["tags"];
	        this.errors = source["errors"];
	        this.warnings = source["warnings"];
	        this.path = source["path"];
	        this.snippet = source["snippet"];
	    }
	}
	export class DraftPage {
	    offset: number;
	    rows: DraftSummary[];
	    cursors: string[];
	    total: number;
	    exact: boolean;
	
	    static createFrom(source: any = {}) {
	        return new DraftPage(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.offset = source["offset"];
	        this.rows = this.convertValues(source["rows"], DraftSummary);
	        this.cursors = source["cursors"];
	        this.total = source["total"];
	        this.exact = source["exact"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class DraftPageRequest {
	    filter: DraftFilter;
	    offset: number;
	    limit: number;
	    after: string;
	    before: string;
	
	    static createFrom(source: any = {}) {
	        return new DraftPageRequest(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.filter = this.convertValues(source["filter"], DraftFilter);
	        this.offset = source["offset"];
	        this.limit = source["limit"];
	        this.after = source["after"];
	        this.before = source["before"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class DraftSourceUpdate {
	    draftId: number;
	    title: string;
	    labels: string[];
	    error: string;
	
	    static createFrom(source: any = {}) {
	        return new DraftSourceUpdate(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.draftId = source["draftId"];
	        this.title = source["title"];
	        this.labels = source["labels"];
	        this.error = source["error"];
	    }
	}
	
	export class DraftText {
	    id: number;
	    text: string;
	    version: number;
	    title: string;
	    updatedAt: string;
	    path: string;
	
	    static createFrom(source: any = {}) {
	        return new DraftText(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.text = source["text"];
	        this.version = source["version"];
	        this.title = source["title"];
	        this.updatedAt = source["updatedAt"];
	        this.path = source["path"];
	    }
	}
	export class ExportFailure {
	    path: string;
	    reason: string;
	
	    static createFrom(source: any = {}) {
	        return new ExportFailure(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.path = source["path"];
	        this.reason = source["reason"];
	    }
	}
	export class ExportPreview {
	    target: string;
	    path: string;
	    status: string;
	    reason: string;
	    diskText: string;
	    text: string;
	    errors: number;
	    warnings: number;
	
	    static createFrom(source: any = {}) {
	        return new ExportPreview(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.target = source["target"];
	        this.path = source["path"];
	        this.status = source["status"];
	        this.reason = source["reason"];
	        this.diskText = source["diskText"];
	        this.text = source["text"];
	        this.errors = source["errors"];
	        this.warnings = source["warnings"];
	    }
	}
	export class ExportedFile {
	    id: number;
	    path: string;
	    written: boolean;
	
	    static createFrom(source: any = {}) {
	        return new ExportedFile(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.path = source["path"];
	        this.written = source["written"];
	    }
	}
	export class ExportSummary {
	    folder: string;
	    total: number;
	    written: number;
	    done: ExportedFile[];
	    conflicts: ExportFailure[];
	    failed: ExportFailure[];
	    cancelled: boolean;
	
	    static createFrom(source: any = {}) {
	        return new ExportSummary(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.folder = source["folder"];
	        this.total = source["total"];
	        this.written = source["written"];
	        this.done = this.convertValues(source["done"], ExportedFile);
	        this.conflicts = this.convertValues(source["conflicts"], ExportFailure);
	        this.failed = this.convertValues(source["failed"], ExportFailure);
	        this.cancelled = source["cancelled"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class FieldInfo {
	    key: string;
	    type: string;
	    required: boolean;
	    minLen: number;
	    maxLen: number;
	    vocabulary: string[];
	    unique: boolean;
	
	    static createFrom(source: any = {}) {
	        return new FieldInfo(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.key = source["key"];
	        this.type = source["type"];
	        this.required = source["required"];
	        this.minLen = source["minLen"];
	        this.maxLen = source["maxLen"];
	        this.vocabulary = source["vocabulary"];
	        this.unique = source["unique"];
	    }
	}
	export class FieldValue {
	    key: string;
	    kind: string;
	    text: string;
	    bool: boolean;
	    items: string[];
	    raw: string;
	    line: number;
	    local: string;
	    hasOffset: boolean;
	    known: boolean;
	
	    static createFrom(source: any = {}) {
	        return new FieldValue(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.key = source["key"];
	        this.kind = source["kind"];
	        this.text = source["text"];
	        this.bool = source["bool"];
	        this.items = source["items"];
	        this.raw = source["raw"];
	        this.line = source["line"];
	        this.local = source["local"];
	        this.hasOffset = source["hasOffset"];
	        this.known = source["known"];
	    }
	}
	export class ImportFailure {
	    path: string;
	    error: string;
	
	    static createFrom(source: any = {}) {
	        return new ImportFailure(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.path = source["path"];
	        this.error = source["error"];
	    }
	}
	export class ImportSummary {
	    total: number;
	    created: number;
	    updated: number;
	    unchanged: number;
	    failed: ImportFailure[];
	    cancelled: boolean;
	
	    static createFrom(source: any = {}) {
	        return new ImportSummary(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.total = source["total"];
	        this.created = source["created"];
	        this.updated = source["updated"];
	        this.unchanged = source["unchanged"];
	        this.failed = this.convertValues(source["failed"], ImportFailure);
	        this.cancelled = source["cancelled"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class PreviewHTML {
	    html: string;
	    error: string;
	    paused: boolean;
	
	    static createFrom(source: any = {}) {
	        return new PreviewHTML(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.html = source["html"];
	        this.error = source["error"];
	        this.paused = source["paused"];
	    }
	}
	export class TextCounts {
	    han: number;
	    latinWords: number;
	    readingMinutes: number;
	
	    static createFrom(source: any = {}) {
	        return new TextCounts(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.han = source["han"];
	        this.latinWords = source["latinWords"];
	        this.readingMinutes = source["readingMinutes"];
	    }
	}
	export class TextEdit {
	    from: number;
	    to: number;
	    insert: string;
	
	    static createFrom(source: any = {}) {
	        return new TextEdit(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.from = source["from"];
	        this.to = source["to"];
	        this.insert = source["insert"];
	    }
	}
	export class QuickFix {
	    title: string;
	    edits: TextEdit[];
	
	    static createFrom(source: any = {}) {
	        return new QuickFix(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.title = source["title"];
	        this.edits = this.convertValues(source["edits"], TextEdit);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Problem {
	    code: string;
	    severity: string;
	    message: string;
	    line: number;
	    column: number;
	    from: number;
	    to: number;
	    field: string;
	    label: string;
	    params: Record<string, string>;
	    fix?: QuickFix;
	
	    static createFrom(source: any = {}) {
	        return new Problem(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.code = source["code"];
	        this.severity = source["severity"];
	        this.message = source["message"];
	        this.line = source["line"];
	        this.column = source["column"];
	        this.from = source["from"];
	        this.to = source["to"];
	        this.field = source["field"];
	        this.label = source["label"];
	        this.params = source["params"];
	        this.fix = this.convertValues(source["fix"], QuickFix);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Inspection {
	    frontMatter: string;
	    fields: FieldValue[];
	    problems: Problem[];
	    counts: TextCounts;
	    preview: PreviewHTML;
	
	    static createFrom(source: any = {}) {
	        return new Inspection(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.frontMatter = source["frontMatter"];
	        this.fields = this.convertValues(source["fields"], FieldValue);
	        this.problems = this.convertValues(source["problems"], Problem);
	        this.counts = this.convertValues(source["counts"], TextCounts);
	        this.preview = this.convertValues(source["preview"], PreviewHTML);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class LinkChange {
	    headline: boolean;
	    oldTitle: string;
	    newTitle: string;
	    text: boolean;
	    similarity: number;
	
	    static createFrom(source: any = {}) {
	        return new LinkChange(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.headline = source["headline"];
	        this.oldTitle = source["oldTitle"];
	        this.newTitle = source["newTitle"];
	        this.text = source["text"];
	        this.similarity = source["similarity"];
	    }
	}
	export class LinkResult {
	    label: string;
	    line: number;
	    url: string;
	    status: string;
	    httpStatus: number;
	    finalUrl: string;
	    archiveUrl: string;
	    error: string;
	    checkedAt: string;
	    change?: LinkChange;
	
	    static createFrom(source: any = {}) {
	        return new LinkResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.label = source["label"];
	        this.line = source["line"];
	        this.url = source["url"];
	        this.status = source["status"];
	        this.httpStatus = source["httpStatus"];
	        this.finalUrl = source["finalUrl"];
	        this.archiveUrl = source["archiveUrl"];
	        this.error = source["error"];
	        this.checkedAt = source["checkedAt"];
	        this.change = this.convertValues(source["change"], LinkChange);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class LinkCheckSummary {
	    jobId: string;
	    cancelled: boolean;
	    results: LinkResult[];
	    counts: Record<string, number>;
	
	    static createFrom(source: any = {}) {
	        return new LinkCheckSummary(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.jobId = source["jobId"];
	        this.cancelled = source["cancelled"];
	        this.results = this.convertValues(source["results"], LinkResult);
	        this.counts = source["counts"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class PlacedImage {
	    ref: string;
	    file: string;
	    bundled: boolean;
	    existed: boolean;
	
	    static createFrom(source: any = {}) {
	        return new PlacedImage(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.ref = source["ref"];
	        this.file = source["file"];
	        this.bundled = source["bundled"];
	        this.existed = source["existed"];
	    }
	}
	
	export class PreviewRoute {
	    static: string;
	    page: string;
	
	    static createFrom(source: any = {}) {
	        return new PreviewRoute(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.static = source["static"];
	        this.page = source["page"];
	    }
	}
	
	export class ProfileInfo {
	    timeZone: string;
	    offset: string;
	    fields: FieldInfo[];
	    keyOrder: string[];
	    siteKnown: boolean;
	    citationsHeading: string;
	    path: string;
	
	    static createFrom(source: any = {}) {
	        return new ProfileInfo(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.timeZone = source["timeZone"];
	        this.offset = source["offset"];
	        this.fields = this.convertValues(source["fields"], FieldInfo);
	        this.keyOrder = source["keyOrder"];
	        this.siteKnown = source["siteKnown"];
	        this.citationsHeading = source["citationsHeading"];
	        this.path = source["path"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class SkippedSource {
	    label: string;
	    reason: string;
	    status: string;
	
	    static createFrom(source: any = {}) {
	        return new SkippedSource(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.label = source["label"];
	        this.reason = source["reason"];
	        this.status = source["status"];
	    }
	}
	export class RetrievedMarked {
	    text: string;
	    today: string;
	    marked: string[];
	    skipped: SkippedSource[];
	
	    static createFrom(source: any = {}) {
	        return new RetrievedMarked(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.text = source["text"];
	        this.today = source["today"];
	        this.marked = source["marked"];
	        this.skipped = this.convertValues(source["skipped"], SkippedSource);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class RevisionRow {
	    id: number;
	    draftId: number;
	    reason: string;
	    createdAt: string;
	    size: number;
	
	    static createFrom(source: any = {}) {
	        return new RevisionRow(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.draftId = source["draftId"];
	        this.reason = source["reason"];
	        this.createdAt = source["createdAt"];
	        this.size = source["size"];
	    }
	}
	export class RevisionText {
	    id: number;
	    draftId: number;
	    reason: string;
	    createdAt: string;
	    size: number;
	    text: string;
	
	    static createFrom(source: any = {}) {
	        return new RevisionText(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.draftId = source["draftId"];
	        this.reason = source["reason"];
	        this.createdAt = source["createdAt"];
	        this.size = source["size"];
	        this.text = source["text"];
	    }
	}
	export class SiteConflict {
	    draftId: number;
	    title: string;
	    path: string;
	    version: number;
	    ours: string;
	    theirs: string;
	
	    static createFrom(source: any = {}) {
	        return new SiteConflict(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.draftId = source["draftId"];
	        this.title = source["title"];
	        this.path = source["path"];
	        this.version = source["version"];
	        this.ours = source["ours"];
	        this.theirs = source["theirs"];
	    }
	}
	
	export class SourceApplied {
	    text: string;
	    labels: string[];
	
	    static createFrom(source: any = {}) {
	        return new SourceApplied(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.text = source["text"];
	        this.labels = source["labels"];
	    }
	}
	export class SourceCite {
	    draftId: number;
	    title: string;
	    label: string;
	
	    static createFrom(source: any = {}) {
	        return new SourceCite(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.draftId = source["draftId"];
	        this.title = source["title"];
	        this.label = source["label"];
	    }
	}
	export class SourceRow {
	    normUrl: string;
	    fields: citations.Fields;
	    link: citations.LinkState;
	    citedBy: SourceCite[];
	
	    static createFrom(source: any = {}) {
	        return new SourceRow(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.normUrl = source["normUrl"];
	        this.fields = this.convertValues(source["fields"], citations.Fields);
	        this.link = this.convertValues(source["link"], citations.LinkState);
	        this.citedBy = this.convertValues(source["citedBy"], SourceCite);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class SourceSuggestion {
	    known: boolean;
	    normUrl: string;
	    fields: citations.Fields;
	    link: citations.LinkState;
	    citedBy: SourceCite[];
	
	    static createFrom(source: any = {}) {
	        return new SourceSuggestion(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.known = source["known"];
	        this.normUrl = source["normUrl"];
	        this.fields = this.convertValues(source["fields"], citations.Fields);
	        this.link = this.convertValues(source["link"], citations.LinkState);
	        this.citedBy = this.convertValues(source["citedBy"], SourceCite);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	
	export class TypographyFix {
	    text: string;
	    fixed: number;
	    remaining: number;
	
	    static createFrom(source: any = {}) {
	        return new TypographyFix(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.text = source["text"];
	        this.fixed = source["fixed"];
	        this.remaining = source["remaining"];
	    }
	}
	export class UploadedFile {
	    name: string;
	    text: string;
	
	    static createFrom(source: any = {}) {
	        return new UploadedFile(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.text = source["text"];
	    }
	}

}

export namespace citations {
	
	export class Evidence {
	    title: string;
	    outlet: string;
	    authors: string;
	    published: string;
	
	    static createFrom(source: any = {}) {
	        return new Evidence(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.title = source["title"];
	        this.outlet = source["outlet"];
	        this.authors = source["authors"];
	        this.published = source["published"];
	    }
	}
	export class Fields {
	    title: string;
	    url: string;
	    outlet: string;
	    authors: string[];
	    published: string;
	    retrieved: string;
	
	    static createFrom(source: any = {}) {
	        return new Fields(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.title = source["title"];
	        this.url = source["url"];
	        this.outlet = source["outlet"];
	        this.authors = source["authors"];
	        this.published = source["published"];
	        this.retrieved = source["retrieved"];
	    }
	}
	export class LinkState {
	    status: string;
	    httpStatus: number;
	    finalUrl: string;
	    archiveUrl: string;
	    error: string;
	    checkedAt: string;
	    checkedToday: boolean;
	    captured: boolean;
	    changedHeadline: boolean;
	    changedText: boolean;
	    capturedTitle: string;
	    pageTitle: string;
	
	    static createFrom(source: any = {}) {
	        return new LinkState(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.status = source["status"];
	        this.httpStatus = source["httpStatus"];
	        this.finalUrl = source["finalUrl"];
	        this.archiveUrl = source["archiveUrl"];
	        this.error = source["error"];
	        this.checkedAt = source["checkedAt"];
	        this.checkedToday = source["checkedToday"];
	        this.captured = source["captured"];
	        this.changedHeadline = source["changedHeadline"];
	        this.changedText = source["changedText"];
	        this.capturedTitle = source["capturedTitle"];
	        this.pageTitle = source["pageTitle"];
	    }
	}

}

export namespace gitsite {
	
	export class BuildIssue {
	    severity: string;
	    message: string;
	    file?: string;
	    path?: string;
	    line?: number;
	    column?: number;
	    draftId?: number;
	    draftDiffers?: boolean;
	
	    static createFrom(source: any = {}) {
	        return new BuildIssue(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.severity = source["severity"];
	        this.message = source["message"];
	        this.file = source["file"];
	        this.path = source["path"];
	        this.line = source["line"];
	        this.column = source["column"];
	        this.draftId = source["draftId"];
	        this.draftDiffers = source["draftDiffers"];
	    }
	}
	export class BuildResult {
	    ok: boolean;
	    hugo: string;
	    issues: BuildIssue[];
	    output: string;
	
	    static createFrom(source: any = {}) {
	        return new BuildResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.ok = source["ok"];
	        this.hugo = source["hugo"];
	        this.issues = this.convertValues(source["issues"], BuildIssue);
	        this.output = source["output"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class DraftState {
	    id: number;
	    title: string;
	    path: string;
	    state: string;
	
	    static createFrom(source: any = {}) {
	        return new DraftState(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.title = source["title"];
	        this.path = source["path"];
	        this.state = source["state"];
	    }
	}
	export class FileChange {
	    path: string;
	    change: string;
	    draftId?: number;
	
	    static createFrom(source: any = {}) {
	        return new FileChange(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.path = source["path"];
	        this.change = source["change"];
	        this.draftId = source["draftId"];
	    }
	}
	export class Pulled {
	    id?: number;
	    path: string;
	
	    static createFrom(source: any = {}) {
	        return new Pulled(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.path = source["path"];
	    }
	}
	export class PullResult {
	    before: string;
	    after: string;
	    created: Pulled[];
	    updated: Pulled[];
	    merged: Pulled[];
	    conflicted: Pulled[];
	    unchanged: Pulled[];
	    deleted: Pulled[];
	    failed: site.Failure[];
	
	    static createFrom(source: any = {}) {
	        return new PullResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.before = source["before"];
	        this.after = source["after"];
	        this.created = this.convertValues(source["created"], Pulled);
	        this.updated = this.convertValues(source["updated"], Pulled);
	        this.merged = this.convertValues(source["merged"], Pulled);
	        this.conflicted = this.convertValues(source["conflicted"], Pulled);
	        this.unchanged = this.convertValues(source["unchanged"], Pulled);
	        this.deleted = this.convertValues(source["deleted"], Pulled);
	        this.failed = this.convertValues(source["failed"], site.Failure);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class PublishResult {
	    pulled?: PullResult;
	    exported: library.Exported[];
	    conflicts: site.Failure[];
	    failed: site.Failure[];
	    commit: string;
	    message: string;
	    pushed: boolean;
	
	    static createFrom(source: any = {}) {
	        return new PublishResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.pulled = this.convertValues(source["pulled"], PullResult);
	        this.exported = this.convertValues(source["exported"], library.Exported);
	        this.conflicts = this.convertValues(source["conflicts"], site.Failure);
	        this.failed = this.convertValues(source["failed"], site.Failure);
	        this.commit = source["commit"];
	        this.message = source["message"];
	        this.pushed = source["pushed"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	
	export class Status {
	    root: string;
	    content: string;
	    branch: string;
	    upstream: string;
	    ahead: number;
	    behind: number;
	    files: FileChange[];
	    drafts: DraftState[];
	
	    static createFrom(source: any = {}) {
	        return new Status(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.root = source["root"];
	        this.content = source["content"];
	        this.branch = source["branch"];
	        this.upstream = source["upstream"];
	        this.ahead = source["ahead"];
	        this.behind = source["behind"];
	        this.files = this.convertValues(source["files"], FileChange);
	        this.drafts = this.convertValues(source["drafts"], DraftState);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}

}

export namespace library {
	
	export class Exported {
	    id: number;
	    path: string;
	    written: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Exported(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.path = source["path"];
	        this.written = source["written"];
	    }
	}

}

export namespace site {
	
	export class Failure {
	    path: string;
	    reason: string;
	
	    static createFrom(source: any = {}) {
	        return new Failure(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.path = source["path"];
	        this.reason = source["reason"];
	    }
	}

}

