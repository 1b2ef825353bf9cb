export namespace app {
	
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

}

