/**
 * The order of the stages. {@link org.jixiao.pipeline.Pipeline} is the only class that knows it;
 * the CLI, the Camel routes and the REST API all run reports through it. It reads in process or,
 * isolated, in child JVMs ({@link org.jixiao.pipeline.WorkerPool}: {@link org.jixiao.pipeline.WorkerCommand}
 * starts them, {@link org.jixiao.pipeline.WorkerMain} is their side, {@link org.jixiao.pipeline.WorkerProtocol}
 * what they say) that are killed at the timeout or when they run out of memory.
 */
package org.jixiao.pipeline;
