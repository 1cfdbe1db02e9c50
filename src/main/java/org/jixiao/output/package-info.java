/**
 * How reports leave jixiao: the canonical JSON (the contract in {@code schema/report.schema.json}),
 * the findings CSV for Excel, and the terminal table. Shared by the CLI and the service.
 */
package org.jixiao.output;
