package org.jixiao.pipeline;

/**
 * One step of the pipeline: a record in, a record out, no side effects on its input.
 * Problems in the document become findings in the output; exceptions are reserved for files
 * that cannot be read at all and for bugs.
 */
@FunctionalInterface
public interface Stage<I, O> {
    O apply(I input);
}
