package org.jixiao.model;

import java.io.Serializable;

/** The header block: what the money is for and who is responsible. */
public record Project(String name, String department, String implementingUnit) implements Serializable {

    public static final Project EMPTY = new Project(null, null, null);
}
