package org.jixiao.model;

/** The header block: what the money is for and who is responsible. */
public record Project(String name, String department, String implementingUnit) {

    public static final Project EMPTY = new Project(null, null, null);
}
