// Package scoring puts bad reviews into performance appraisal (绩效考评, 第十条) and computes
// the statistics the office reports (统计、跟踪分析, 第三条), with the monthly bulletin (月度通报).
package scoring
