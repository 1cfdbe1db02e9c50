/**
 * The canonical report and the records that flow between stages. Immutable records and enums
 * only, importing nothing outside the JDK, so every stage and every interface (CLI, REST, index)
 * shares one vocabulary and the JSON contract in {@code schema/report.schema.json} has one source.
 */
package org.jixiao.model;
