/**
 * The narrative: figures that the prose of a report restates (目标值, 分值, 得分, 执行率 …),
 * read into located {@link org.jixiao.model.NarrativeStatement}s. The prose often carries what
 * the table lacks (the 分值 of each indicator) and sometimes contradicts it.
 */
package org.jixiao.extract.narrative;
