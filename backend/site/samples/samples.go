// Package samples writes made-up articles in the house style, for
// benchmarks and load tests: the same front matter keys, a lead quote, ###
// sections with footnote references and a 引文部分 of house-style citations.
// Article(i) is deterministic, so a run can be repeated exactly.
package samples

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

var (
	companies = []string{"深瞳科技", "云杉智算", "北辰芯片", "星河模型", "海岳数据", "青禾机器人", "曜石半导体", "远帆云", "松果智能", "玄武算力",
		"Meta", "OpenAI", "英伟达", "台积电", "微软", "谷歌", "亚马逊", "阿里云", "华为", "字节跳动"}
	subjects = []string{"大模型", "推理芯片", "数据中心", "开源生态", "算力租赁", "具身智能", "端侧模型", "光模块", "液冷服务器", "训练集群",
		"多模态", "智能体", "高带宽内存", "先进封装", "出口管制"}
	verbs   = []string{"加码", "押注", "重塑", "追赶", "布局", "收缩", "整合", "突破", "反思", "重估"}
	phrases = []string{
		"在资本开支持续攀升的背景下，%s正把%s视为未来十年最重要的增长引擎",
		"多位分析人士指出，%s在%s上的投入已经超过了此前任何一个周期",
		"从供应链的角度看，%s对%s的需求正在改变上游厂商的排产节奏",
		"与此同时，监管机构开始关注%s在%s领域可能形成的市场集中",
		"业内普遍认为，%s能否在%s上保持领先，取决于人才与数据的双重积累",
		"值得注意的是，%s在%s方面的路线选择与竞争对手存在明显分歧",
		"对于中小企业而言，%s推动的%s降价浪潮既是机遇也是挑战",
		"投资者的耐心正在被%s在%s上的巨额支出反复考验",
		"%s的管理层在财报电话会上多次提到%s，并给出了更激进的时间表",
		"如果%s在%s上的判断被证明是正确的，整个行业的成本结构都将被改写",
	}
	outlets = []string{"The New York Times", "Forbes", "Fortune", "CNBC", "NBC News", "财新", "第一财经", "路透社", "彭博社", "华尔街日报"}
	authors = []string{"Mike Isaac", "Cade Metz", "Derek Saul", "张明", "李华", "王芳", "陈静", "Anna Smith"}
	topics  = []string{"前沿模型与算法", "算力与芯片", "产业生态与商业版图"}
)

// Article returns the i-th sample article (about 7 KB, like the reference).
func Article(i int) []byte {
	r := rand.New(rand.NewPCG(uint64(i), 0x5eed))
	pick := func(list []string) string { return list[r.IntN(len(list))] }
	company, subject := pick(companies), pick(subjects)
	day := 1 + i%28
	month := 1 + (i/28)%12
	hour, minute := r.IntN(24), r.IntN(60)
	var b strings.Builder
	b.Grow(8 << 10)
	fmt.Fprintf(&b, "---\ntitle: %s的%s“%s”：第%d号观察\n", company, subject, pick(verbs), i)
	fmt.Fprintf(&b, "date: 2025-%02d-%02dT%02d:%02d:05+08:00\n", month, day, hour, minute)
	fmt.Fprintf(&b, "draft: %v\n", i%5 == 0)
	fmt.Fprintf(&b, "featured_image: images/default (%d).png\n", i%40)
	fmt.Fprintf(&b, "summary: %s正在%s领域%s，这一战略调整将影响整个产业链的格局与节奏。\n", company, subject, pick(verbs))
	b.WriteString("tags: \n")
	for k := 0; k < 5; k++ {
		fmt.Fprintf(&b, "  - %s\n", subjects[(i+k*3)%len(subjects)])
	}
	fmt.Fprintf(&b, "  - %s战略\n", company)
	b.WriteString("main_topics: \n")
	for k := 0; k <= i%3; k++ {
		fmt.Fprintf(&b, "  - %s\n", topics[(i+k)%3])
	}
	b.WriteString("---\n\n")
	fmt.Fprintf(&b, "> %s。\n\n", fmt.Sprintf(pick(phrases), company, subject))
	notes := 5
	ref := 0
	for sec := 0; sec < 6; sec++ {
		fmt.Fprintf(&b, "### %s与%s：第%d节\n\n", pick(companies), pick(subjects), sec+1)
		for p := 0; p < 3; p++ {
			for s := 0; s < 3; s++ {
				b.WriteString(fmt.Sprintf(pick(phrases), pick(companies), pick(subjects)))
				if s == 2 {
					ref = ref%notes + 1
					fmt.Fprintf(&b, "[^%d]", ref)
				}
				b.WriteString("。")
			}
			b.WriteString("\n\n")
		}
	}
	b.WriteString("## 引文部分\n\n")
	for n := 1; n <= notes; n++ {
		by := ""
		if n%2 == 1 {
			by = "·" + pick(authors) + ", " + pick(authors)
		}
		fmt.Fprintf(&b, "[^%d]: [%s %s report %d](https://news%d.example.com/2025/%02d/%d/article-%d.html)·%s%s（2025/%d/%d）·检索日期2025/%d/%d\n",
			n, company, subject, n, n, month, i%97, n, pick(outlets), by, month, day, month, day)
	}
	return []byte(b.String())
}
