package org.jixiao.extract.ocr;

/** A black-and-white image: which pixels carry ink. */
final class Bitmap {

    final int width;
    final int height;
    private final boolean[] ink;

    Bitmap(int width, int height) {
        this.width = width;
        this.height = height;
        this.ink = new boolean[width * height];
    }

    boolean ink(int x, int y) {
        return x >= 0 && y >= 0 && x < width && y < height && ink[y * width + x];
    }

    void set(int x, int y) {
        if (x >= 0 && y >= 0 && x < width && y < height) ink[y * width + x] = true;
    }

    /** The same bitmap mirrored on its diagonal: vertical lines become horizontal ones. */
    Bitmap transposed() {
        Bitmap t = new Bitmap(height, width);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                if (ink[y * width + x]) t.ink[x * height + y] = true;
            }
        }
        return t;
    }
}
