/**
 * The service's HTTP side on Camel's platform-http (embedded Vert.x): the REST API under
 * {@code /api} and the Chinese web page (static files from {@code src/main/resources/web}), plus
 * {@link org.jixiao.web.JixiaoServer}, which wires the intake routes, the index and HTTP into one
 * process. Request parameters are validated here; no value from a request is ever used as a path:
 * reports are found by their sha256 in the content registry, pages by a fixed list of names.
 */
package org.jixiao.web;
