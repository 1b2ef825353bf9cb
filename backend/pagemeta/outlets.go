package pagemeta

import (
	"net/url"
	"strings"
	"sync"
	"time"
	_ "time/tzdata" // outlet home zones must resolve on machines without a zone database
)

// outlet is one entry of the built-in host table.
type outlet struct {
	name    string   // the name a citation prints
	zone    string   // IANA zone the newsroom dates its pages in ("" unknown)
	aliases []string // other spellings pages use for the same outlet (og:site_name, title suffixes)
}

// hostTable maps a registrable host to its outlet. It normalises the names
// pages give themselves ("NYTimes" -> The New York Times), names outlets that
// declare nothing, and gives the zone in which a UTC timestamp becomes the
// day the outlet printed. Subdomains match their parent (news.qq.com ->
// qq.com); the profile's `outlets:` entries extend and override it.
var hostTable = map[string]outlet{
	// English-language
	"nytimes.com":         {"The New York Times", "America/New_York", []string{"NYTimes", "New York Times", "NYTimes.com", "NYT"}},
	"washingtonpost.com":  {"The Washington Post", "America/New_York", []string{"Washington Post"}},
	"wsj.com":             {"The Wall Street Journal", "America/New_York", []string{"WSJ", "Wall Street Journal"}},
	"theguardian.com":     {"The Guardian", "Europe/London", []string{"the Guardian", "Guardian"}},
	"bbc.com":             {"BBC", "Europe/London", []string{"BBC News", "BBC Home"}},
	"bbc.co.uk":           {"BBC", "Europe/London", []string{"BBC News"}},
	"reuters.com":         {"Reuters", "", []string{"Thomson Reuters"}},
	"apnews.com":          {"Associated Press", "America/New_York", []string{"AP News", "AP"}},
	"bloomberg.com":       {"Bloomberg", "America/New_York", []string{"Bloomberg.com", "Bloomberg News"}},
	"ft.com":              {"Financial Times", "Europe/London", []string{"FT", "FT.com"}},
	"economist.com":       {"The Economist", "Europe/London", []string{"Economist"}},
	"cnn.com":             {"CNN", "America/New_York", []string{"CNN.com"}},
	"npr.org":             {"NPR", "America/New_York", nil},
	"politico.com":        {"Politico", "America/New_York", []string{"POLITICO"}},
	"politico.eu":         {"Politico Europe", "Europe/Brussels", []string{"POLITICO"}},
	"theatlantic.com":     {"The Atlantic", "America/New_York", []string{"Atlantic"}},
	"newyorker.com":       {"The New Yorker", "America/New_York", nil},
	"axios.com":           {"Axios", "America/New_York", nil},
	"cnbc.com":            {"CNBC", "America/New_York", nil},
	"foreignpolicy.com":   {"Foreign Policy", "America/New_York", nil},
	"foreignaffairs.com":  {"Foreign Affairs", "America/New_York", nil},
	"latimes.com":         {"Los Angeles Times", "America/Los_Angeles", []string{"LA Times"}},
	"usatoday.com":        {"USA Today", "America/New_York", []string{"USA TODAY"}},
	"nbcnews.com":         {"NBC News", "America/New_York", nil},
	"abcnews.go.com":      {"ABC News", "America/New_York", nil},
	"telegraph.co.uk":     {"The Telegraph", "Europe/London", []string{"Telegraph"}},
	"independent.co.uk":   {"The Independent", "Europe/London", []string{"Independent"}},
	"thetimes.co.uk":      {"The Times", "Europe/London", nil},
	"aljazeera.com":       {"Al Jazeera", "Asia/Qatar", nil},
	"scmp.com":            {"South China Morning Post", "Asia/Hong_Kong", []string{"SCMP"}},
	"straitstimes.com":    {"The Straits Times", "Asia/Singapore", []string{"Straits Times"}},
	"nature.com":          {"Nature", "Europe/London", nil},
	"science.org":         {"Science", "America/New_York", nil},
	"abc.net.au":          {"ABC News", "Australia/Sydney", nil},
	"theconversation.com": {"The Conversation", "", nil},
	// Chinese-language
	"xinhuanet.com":     {"新华网", "Asia/Shanghai", []string{"新华社", "Xinhua", "新华网客户端"}},
	"news.cn":           {"新华网", "Asia/Shanghai", []string{"新华社", "Xinhua"}},
	"people.com.cn":     {"人民网", "Asia/Shanghai", []string{"人民日报", "People's Daily Online"}},
	"qq.com":            {"腾讯网", "Asia/Shanghai", []string{"腾讯新闻", "腾讯", "Tencent"}},
	"163.com":           {"网易", "Asia/Shanghai", []string{"网易新闻", "NetEase"}},
	"sina.com.cn":       {"新浪", "Asia/Shanghai", []string{"新浪网", "新浪新闻", "新浪新闻中心", "Sina"}},
	"sina.cn":           {"新浪", "Asia/Shanghai", []string{"新浪网", "新浪新闻"}},
	"sohu.com":          {"搜狐", "Asia/Shanghai", []string{"搜狐网", "搜狐新闻"}},
	"ifeng.com":         {"凤凰网", "Asia/Shanghai", []string{"凤凰新闻", "凤凰"}},
	"thepaper.cn":       {"澎湃新闻", "Asia/Shanghai", []string{"澎湃", "The Paper"}},
	"caixin.com":        {"财新网", "Asia/Shanghai", []string{"财新", "Caixin"}},
	"yicai.com":         {"第一财经", "Asia/Shanghai", []string{"第一财经网"}},
	"jiemian.com":       {"界面新闻", "Asia/Shanghai", []string{"界面"}},
	"chinadaily.com.cn": {"中国日报网", "Asia/Shanghai", []string{"China Daily", "中国日报"}},
	"cctv.com":          {"央视网", "Asia/Shanghai", []string{"CCTV", "央视新闻"}},
	"chinanews.com.cn":  {"中国新闻网", "Asia/Shanghai", []string{"中新网", "中国新闻社"}},
	"chinanews.com":     {"中国新闻网", "Asia/Shanghai", []string{"中新网", "中国新闻社"}},
	"gmw.cn":            {"光明网", "Asia/Shanghai", []string{"光明日报"}},
	"huanqiu.com":       {"环球网", "Asia/Shanghai", []string{"环球时报"}},
	"globaltimes.cn":    {"Global Times", "Asia/Shanghai", nil},
	"hexun.com":         {"和讯网", "Asia/Shanghai", []string{"和讯"}},
	"eastmoney.com":     {"东方财富网", "Asia/Shanghai", []string{"东方财富"}},
	"stcn.com":          {"证券时报网", "Asia/Shanghai", []string{"证券时报"}},
	"21jingji.com":      {"21世纪经济报道", "Asia/Shanghai", []string{"21财经"}},
	"cls.cn":            {"财联社", "Asia/Shanghai", nil},
	"wallstreetcn.com":  {"华尔街见闻", "Asia/Shanghai", nil},
	"huxiu.com":         {"虎嗅", "Asia/Shanghai", []string{"虎嗅网"}},
	"cn.nytimes.com":    {"纽约时报中文网", "Asia/Shanghai", []string{"纽约时报中文网 国际纵览"}},
	"cn.wsj.com":        {"华尔街日报中文网", "Asia/Shanghai", nil},
	"voachinese.com":    {"美国之音", "America/New_York", []string{"VOA", "美国之音中文网"}},
	"rfa.org":           {"自由亚洲电台", "America/New_York", []string{"Radio Free Asia", "RFA"}},
	"wikipedia.org":     {"Wikipedia", "", []string{"维基百科", "維基百科，自由的百科全書", "维基百科，自由的百科全书"}},
	"36kr.com":          {"36氪", "Asia/Shanghai", nil},
	"guancha.cn":        {"观察者网", "Asia/Shanghai", []string{"观察者"}},
	"bjnews.com.cn":     {"新京报", "Asia/Shanghai", []string{"新京报网"}},
	"zaobao.com":        {"联合早报", "Asia/Singapore", []string{"联合早报网", "zaobao.com"}},
	"zaobao.com.sg":     {"联合早报", "Asia/Singapore", []string{"联合早报网"}},
	"ftchinese.com":     {"FT中文网", "Asia/Shanghai", []string{"FT中文网"}},
	"cnbeta.com.tw":     {"cnBeta", "Asia/Shanghai", nil},
	"udn.com":           {"聯合新聞網", "Asia/Taipei", []string{"联合新闻网", "聯合報"}},
	"ltn.com.tw":        {"自由時報", "Asia/Taipei", []string{"自由時報電子報"}},
	"cna.com.tw":        {"中央社", "Asia/Taipei", []string{"中央通訊社", "CNA"}},
	"rfi.fr":            {"RFI", "Europe/Paris", []string{"法广", "RFI - 法国国际广播电台"}},
	"dw.com":            {"Deutsche Welle", "Europe/Berlin", []string{"DW", "德国之声", "DW.COM"}},
	// European
	"lemonde.fr":       {"Le Monde", "Europe/Paris", []string{"Le Monde.fr", "lemonde.fr"}},
	"lefigaro.fr":      {"Le Figaro", "Europe/Paris", []string{"Le Figaro.fr"}},
	"liberation.fr":    {"Libération", "Europe/Paris", nil},
	"lesechos.fr":      {"Les Echos", "Europe/Paris", nil},
	"spiegel.de":       {"Der Spiegel", "Europe/Berlin", []string{"DER SPIEGEL", "SPIEGEL", "Spiegel Online"}},
	"zeit.de":          {"Die Zeit", "Europe/Berlin", []string{"ZEIT ONLINE", "DIE ZEIT"}},
	"faz.net":          {"Frankfurter Allgemeine Zeitung", "Europe/Berlin", []string{"FAZ", "FAZ.NET"}},
	"sueddeutsche.de":  {"Süddeutsche Zeitung", "Europe/Berlin", []string{"SZ", "Süddeutsche.de"}},
	"handelsblatt.com": {"Handelsblatt", "Europe/Berlin", nil},
	"welt.de":          {"Die Welt", "Europe/Berlin", []string{"WELT", "DIE WELT"}},
	"elpais.com":       {"El País", "Europe/Madrid", []string{"EL PAÍS", "El Pais"}},
	"corriere.it":      {"Corriere della Sera", "Europe/Rome", nil},
	"repubblica.it":    {"la Repubblica", "Europe/Rome", nil},
	"nzz.ch":           {"Neue Zürcher Zeitung", "Europe/Zurich", []string{"NZZ"}},
	"euronews.com":     {"Euronews", "Europe/Paris", nil},
	// Japanese and Korean
	"nikkei.com":       {"日本経済新聞", "Asia/Tokyo", []string{"日本経済新聞 電子版", "日経", "Nikkei"}},
	"asia.nikkei.com":  {"Nikkei Asia", "Asia/Tokyo", nil},
	"asahi.com":        {"朝日新聞", "Asia/Tokyo", []string{"朝日新聞デジタル"}},
	"yomiuri.co.jp":    {"読売新聞", "Asia/Tokyo", []string{"読売新聞オンライン"}},
	"mainichi.jp":      {"毎日新聞", "Asia/Tokyo", nil},
	"nhk.or.jp":        {"NHK", "Asia/Tokyo", []string{"NHKニュース"}},
	"japantimes.co.jp": {"The Japan Times", "Asia/Tokyo", []string{"Japan Times"}},
	"chosun.com":       {"조선일보", "Asia/Seoul", []string{"Chosun Ilbo"}},
	"yna.co.kr":        {"연합뉴스", "Asia/Seoul", []string{"Yonhap"}},
}

// hostKey is the lower-case host of a URL without "www." and port.
func hostKey(pageURL string) string {
	pageURL = strings.TrimSpace(pageURL)
	if pageURL != "" && !strings.Contains(pageURL, "://") && !strings.HasPrefix(pageURL, "/") {
		pageURL = "http://" + pageURL // "www.example.com/a" typed without a scheme
	}
	u, err := url.Parse(pageURL)
	if err != nil {
		return ""
	}
	h := strings.ToLower(u.Hostname())
	return strings.TrimPrefix(h, "www.")
}

// lookupHost finds the table entry for host or its nearest parent domain,
// the profile's entries (overrides) first at every level.
func lookupHost(host string, profile map[string]string) (o outlet, fromProfile, ok bool) {
	for h := host; h != ""; {
		for k, v := range profile {
			if strings.EqualFold(profileHost(k), h) && strings.TrimSpace(v) != "" {
				base := hostTable[h]
				return outlet{name: strings.TrimSpace(v), zone: base.zone, aliases: append([]string{base.name}, base.aliases...)}, true, true
			}
		}
		if o, ok := hostTable[h]; ok {
			return o, false, true
		}
		i := strings.IndexByte(h, '.')
		if i < 0 || !strings.Contains(h[i+1:], ".") {
			break
		}
		h = h[i+1:]
	}
	return outlet{}, false, false
}

// siteLabel is the name-like part of a host: "news.example-times.co.uk" ->
// "example-times". Titles often end with it ("… - Example Times").
func siteLabel(host string) string {
	parts := strings.Split(host, ".")
	if len(parts) < 2 {
		return host
	}
	i := len(parts) - 2
	// Two-level public suffixes (co.uk, com.cn, com.au, co.jp, ...).
	if i > 0 && len(parts[i]) <= 3 && (parts[i] == "co" || parts[i] == "com" || parts[i] == "org" || parts[i] == "net" || parts[i] == "gov" || parts[i] == "edu" || parts[i] == "ac" || parts[i] == "or" || parts[i] == "ne") {
		i--
	}
	return parts[i]
}

// zones caches loaded zones: LoadLocation reads the zone database each
// time, and a capture extracts many pages.
var zones sync.Map // string -> *time.Location (nil for unknown names)

// zoneOf loads an IANA zone; nil when unknown.
func zoneOf(name string) *time.Location {
	if name == "" {
		return nil
	}
	if v, ok := zones.Load(name); ok {
		return v.(*time.Location)
	}
	loc, err := time.LoadLocation(name)
	if err != nil {
		loc = nil
	}
	zones.Store(name, loc)
	return loc
}

// profileHost reads a profile key as a host, tolerating a pasted URL
// ("https://www.example.com/") where a host was meant.
func profileHost(k string) string {
	k = strings.TrimSpace(k)
	if strings.Contains(k, "://") {
		if h := hostKey(k); h != "" {
			return h
		}
	}
	k = strings.TrimSuffix(strings.ToLower(k), "/")
	return strings.TrimPrefix(k, "www.")
}

// OutletForHost names the outlet of a URL from the profile's outlets and
// the built-in host table alone, without the page: for a source whose page
// cannot be fetched. "" when neither knows the host.
func OutletForHost(pageURL string, outlets map[string]string) string {
	o, _, ok := lookupHost(hostKey(pageURL), outlets)
	if !ok {
		return ""
	}
	return o.name
}

// wireAgencies are the news agencies whose name appears in bylines as a
// credit rather than an author.
var wireAgencies = []string{
	"Associated Press", "AP", "The Associated Press", "Reuters", "AFP", "Agence France-Presse",
	"Bloomberg", "Bloomberg News", "dpa", "Deutsche Presse-Agentur", "EFE", "ANSA", "Kyodo", "Kyodo News",
	"Jiji Press", "Yonhap", "Xinhua", "新华社", "中新社", "中国新闻社", "中央社", "共同通信", "時事通信",
}
