package org.jixiao.mapping;

/** A mapping file that does not follow its schema: names the file, the key and the problem, in Chinese. */
public final class InvalidMappingException extends RuntimeException {

    private final String file;
    private final String key;

    public InvalidMappingException(String file, String key, String problem, Throwable cause) {
        super("映射文件 " + file + " 有误：" + (key == null || key.isEmpty() ? "" : "键 “" + key + "”：") + problem, cause);
        this.file = file;
        this.key = key;
    }

    public String file() {
        return file;
    }

    public String key() {
        return key;
    }
}
