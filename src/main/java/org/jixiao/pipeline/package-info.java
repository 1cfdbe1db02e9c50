/**
 * The order of the stages. {@link org.jixiao.pipeline.Pipeline} is the only class that knows it;
 * the CLI, the Camel routes and the REST API all run reports through it.
 */
package org.jixiao.pipeline;
