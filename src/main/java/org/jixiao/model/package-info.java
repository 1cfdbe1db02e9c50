/**
 * The canonical report and the records that flow between stages. Immutable records and enums
 * only, importing nothing outside the JDK, so every stage and every interface (CLI, REST, index)
 * shares one vocabulary and the JSON contract in {@code schema/report.schema.json} has one source.
 * The records are {@link java.io.Serializable}: a report read in a child process travels back to
 * the parent as it is ({@code pipeline.WorkerProtocol}).
 */
package org.jixiao.model;
