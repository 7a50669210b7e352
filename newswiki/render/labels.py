"""Chinese labels for entity types and organisation kinds, shared by the pages that name them."""

TYPE_LABELS = {"platform": "平台", "policy": "政策", "project": "项目", "organisation": "机构"}
ORG_KINDS = {
    "company": "企业", "university": "高校", "government": "政府机构", "fund": "基金", "bank": "银行",
    "institute": "研究机构", "hospital": "医院",
}
