package org.jixiao.mapping;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A compact binary form of the mapping records: records (by class name and component values),
 * lists, maps, strings, numbers, booleans and enum constants, as Jackson reads them from YAML
 * (lists as {@link ArrayList}, maps as {@link LinkedHashMap}, in file order). Java serialization
 * would do the same, but a cold JVM spent most of its time there building the method handles
 * that rebuild records; here a record is rebuilt with its canonical constructor through plain
 * reflection. Any other type is refused when written, so the build fails rather than store
 * something it cannot read back.
 */
final class RecordSnapshot {

    private static final byte NULL = 0;
    private static final byte STRING = 1;
    private static final byte INT = 2;
    private static final byte LONG = 3;
    private static final byte BOOLEAN = 4;
    private static final byte DECIMAL = 5;
    private static final byte DOUBLE = 6;
    private static final byte ENUM = 7;
    private static final byte LIST = 8;
    private static final byte MAP = 9;
    private static final byte RECORD = 10;

    private final Map<String, Constructor<?>> constructors = new HashMap<>();

    static void write(Object value, DataOutputStream out) throws IOException {
        if (value == null) {
            out.writeByte(NULL);
        } else if (value instanceof String s) {
            out.writeByte(STRING);
            out.writeUTF(s);
        } else if (value instanceof Integer i) {
            out.writeByte(INT);
            out.writeInt(i);
        } else if (value instanceof Long l) {
            out.writeByte(LONG);
            out.writeLong(l);
        } else if (value instanceof Boolean b) {
            out.writeByte(BOOLEAN);
            out.writeBoolean(b);
        } else if (value instanceof BigDecimal d) {
            out.writeByte(DECIMAL);
            out.writeUTF(d.toString());
        } else if (value instanceof Double d) {
            out.writeByte(DOUBLE);
            out.writeDouble(d);
        } else if (value instanceof Enum<?> e) {
            out.writeByte(ENUM);
            out.writeUTF(e.getDeclaringClass().getName());
            out.writeUTF(e.name());
        } else if (value instanceof List<?> list) {
            out.writeByte(LIST);
            out.writeInt(list.size());
            for (Object o : list) write(o, out);
        } else if (value instanceof Map<?, ?> map) {
            out.writeByte(MAP);
            out.writeInt(map.size());
            for (Map.Entry<?, ?> e : map.entrySet()) {
                write(e.getKey(), out);
                write(e.getValue(), out);
            }
        } else if (value instanceof Record r) {
            RecordComponent[] components = r.getClass().getRecordComponents();
            out.writeByte(RECORD);
            out.writeUTF(r.getClass().getName());
            out.writeInt(components.length);
            for (RecordComponent c : components) {
                try {
                    write(c.getAccessor().invoke(r), out);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        } else {
            throw new IllegalArgumentException("mapping snapshot cannot hold a " + value.getClass().getName());
        }
    }

    Object read(DataInputStream in) throws IOException, ReflectiveOperationException {
        byte tag = in.readByte();
        switch (tag) {
            case NULL: return null;
            case STRING: return in.readUTF();
            case INT: return in.readInt();
            case LONG: return in.readLong();
            case BOOLEAN: return in.readBoolean();
            case DECIMAL: return new BigDecimal(in.readUTF());
            case DOUBLE: return in.readDouble();
            case ENUM: return enumConstant(in.readUTF(), in.readUTF());
            case LIST: {
                int n = in.readInt();
                List<Object> list = new ArrayList<>(n);
                for (int i = 0; i < n; i++) list.add(read(in));
                return list;
            }
            case MAP: {
                int n = in.readInt();
                Map<Object, Object> map = new LinkedHashMap<>();
                for (int i = 0; i < n; i++) map.put(read(in), read(in));
                return map;
            }
            case RECORD: {
                Constructor<?> constructor = constructor(in.readUTF());
                int n = in.readInt();
                Object[] args = new Object[n];
                for (int i = 0; i < n; i++) args[i] = read(in);
                return constructor.newInstance(args);
            }
            default: throw new IOException("mapping snapshot damaged: tag " + tag);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object enumConstant(String type, String name) throws ClassNotFoundException {
        return Enum.valueOf((Class<? extends Enum>) Class.forName(type, false, RecordSnapshot.class.getClassLoader()), name);
    }

    private Constructor<?> constructor(String type) throws ReflectiveOperationException {
        Constructor<?> c = constructors.get(type);
        if (c == null) {
            Class<?> record = Class.forName(type, false, RecordSnapshot.class.getClassLoader());
            RecordComponent[] components = record.getRecordComponents();
            Class<?>[] types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) types[i] = components[i].getType();
            c = record.getDeclaredConstructor(types);
            constructors.put(type, c);
        }
        return c;
    }
}
