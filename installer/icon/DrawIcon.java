import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.File;

/**
 * Draws Watchpost's application icon: a shield (watching over an account) on a deep-blue tile, with a log
 * signal line crossing it and a spike where something happened. Vector-drawn at any size, so every PNG the
 * platforms want comes from this one source:
 *
 * <pre>java installer/icon/DrawIcon.java assets/icon/watchpost.png 256</pre>
 */
public final class DrawIcon {

    public static void main(String[] args) throws Exception {
        String out = args.length > 0 ? args[0] : "watchpost.png";
        int size = args.length > 1 ? Integer.parseInt(args[1]) : 256;
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.scale(size / 256.0, size / 256.0); // draw on a 256-unit canvas

        // Tile: rounded square, navy to product blue, with a soft top highlight.
        RoundRectangle2D tile = new RoundRectangle2D.Double(8, 8, 240, 240, 56, 56);
        g.setPaint(new GradientPaint(0, 8, new Color(0x1f6feb), 0, 248, new Color(0x0b2f6e)));
        g.fill(tile);
        g.setPaint(new GradientPaint(0, 8, new Color(255, 255, 255, 46), 0, 120, new Color(255, 255, 255, 0)));
        g.fill(new RoundRectangle2D.Double(8, 8, 240, 120, 56, 56));

        // Shield.
        Path2D shield = new Path2D.Double();
        shield.moveTo(128, 38);
        shield.curveTo(158, 52, 180, 58, 204, 58);
        shield.curveTo(204, 128, 190, 182, 128, 218);
        shield.curveTo(66, 182, 52, 128, 52, 58);
        shield.curveTo(76, 58, 98, 52, 128, 38);
        shield.closePath();
        g.setColor(new Color(255, 255, 255, 36));
        g.fill(shield);
        g.setColor(Color.WHITE);
        g.setStroke(new BasicStroke(11, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(shield);

        // Log signal: calm, one sharp spike, calm again.
        Path2D signal = new Path2D.Double();
        signal.moveTo(70, 134);
        signal.lineTo(100, 134);
        signal.lineTo(112, 112);
        signal.lineTo(128, 164);
        signal.lineTo(144, 92);
        signal.lineTo(156, 134);
        signal.lineTo(186, 134);
        g.setColor(new Color(0x7ee0ff));
        g.setStroke(new BasicStroke(10, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(signal);

        // The finding: an amber dot at the spike's peak.
        g.setColor(new Color(0xffb02e));
        g.fill(new Ellipse2D.Double(144 - 11, 92 - 11, 22, 22));
        g.setColor(new Color(0x0b2f6e));
        g.setStroke(new BasicStroke(3));
        g.draw(new Ellipse2D.Double(144 - 11, 92 - 11, 22, 22));

        g.dispose();
        File file = new File(out);
        if (file.getAbsoluteFile().getParentFile() != null) {
            file.getAbsoluteFile().getParentFile().mkdirs();
        }
        ImageIO.write(image, "png", file);
    }
}
