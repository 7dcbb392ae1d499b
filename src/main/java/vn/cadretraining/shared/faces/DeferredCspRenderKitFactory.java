package vn.cadretraining.shared.faces;

import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.context.ResponseWriter;
import jakarta.faces.context.ResponseWriterWrapper;
import jakarta.faces.render.RenderKit;
import jakarta.faces.render.RenderKitFactory;
import jakarta.faces.render.RenderKitWrapper;
import java.io.IOException;
import java.io.Writer;
import java.util.Iterator;

/**
 * PrimeFaces' scripts are loaded deferred (primefaces.MOVE_SCRIPTS_TO_BOTTOM = defer), so that a page's first
 * paint waits for none of them. PrimeFaces then runs its widget script once the page is parsed, but not the script
 * that attaches the event handlers of its CSP mode ({@code PrimeFaces.csp.register(...)}): that one would run before
 * PrimeFaces is loaded and fail, leaving select menus and pager links dead. This writer runs it when the page is
 * parsed as well, after the deferred scripts.
 * <p>
 * Deferred is not enough on a phone: Chromium runs deferred scripts before its first frame when it can, so the
 * first paint still waits for some 225 KiB of them. On a page that loads the application's script (app.js) first,
 * the library scripts after it are written without their address ({@code data-after-paint} holds it), and app.js
 * loads them in order once the first frame is painted, then fires {@value #LOADED}, which the widget and handler
 * scripts wait for instead of DOMContentLoaded.
 */
public class DeferredCspRenderKitFactory extends RenderKitFactory {

    static final String MOVE_SCRIPTS = "primefaces.MOVE_SCRIPTS_TO_BOTTOM";
    static final String CSP_HANDLERS = "PrimeFaces.csp.register(";
    static final String LOADER = "/js/app.js";
    static final String AFTER_PAINT = "data-after-paint";
    static final String LOADED = "scriptsloaded";
    static final String PARSED = "document.addEventListener(\"DOMContentLoaded\",";

    public DeferredCspRenderKitFactory(RenderKitFactory wrapped) {
        super(wrapped);
    }

    @Override
    public void addRenderKit(String renderKitId, RenderKit renderKit) {
        getWrapped().addRenderKit(renderKitId, renderKit);
    }

    @Override
    public RenderKit getRenderKit(FacesContext context, String renderKitId) {
        RenderKit kit = getWrapped().getRenderKit(context, renderKitId);
        if (kit == null || context == null
                || !"defer".equalsIgnoreCase(context.getExternalContext().getInitParameter(MOVE_SCRIPTS))) {
            return kit;
        }
        return new RenderKitWrapper(kit) {
            @Override
            public ResponseWriter createResponseWriter(Writer writer, String contentTypeList, String encoding) {
                ResponseWriter created = getWrapped().createResponseWriter(writer, contentTypeList, encoding);
                if (created == null) {
                    return null;
                }
                FacesContext current = FacesContext.getCurrentInstance();
                boolean partial = current != null && current.getPartialViewContext().isPartialRequest();
                return new HandlersAfterParsing(created, !partial);
            }
        };
    }

    @Override
    public Iterator<String> getRenderKitIds() {
        return getWrapped().getRenderKitIds();
    }

    /**
     * Wraps the text of PrimeFaces' CSP handler script in a DOMContentLoaded listener; on a whole page that loads
     * app.js, holds the library scripts after it until the first paint (see above). Writes the rest as it is.
     */
    static final class HandlersAfterParsing extends ResponseWriterWrapper {

        private final boolean wholePage;
        private boolean inScript;
        private boolean loaderSeen;
        private int held;

        HandlersAfterParsing(ResponseWriter wrapped, boolean wholePage) {
            super(wrapped);
            this.wholePage = wholePage;
        }

        @Override
        public void startElement(String name, UIComponent component) throws IOException {
            inScript = "script".equalsIgnoreCase(name);
            super.startElement(name, component);
        }

        @Override
        public void writeAttribute(String name, Object value, String property) throws IOException {
            super.writeAttribute(scriptAddress(name, value), value, property);
        }

        @Override
        public void writeURIAttribute(String name, Object value, String property) throws IOException {
            super.writeURIAttribute(scriptAddress(name, value), value, property);
        }

        /** The name under which a script's src is written: data-after-paint for a library script after app.js. */
        private String scriptAddress(String name, Object value) {
            if (!wholePage || !inScript || !"src".equalsIgnoreCase(name) || value == null) {
                return name;
            }
            String src = value.toString();
            if (src.contains(LOADER)) {
                loaderSeen = true;
                return name;
            }
            if (loaderSeen && src.contains("ln=")) {
                held++;
                return AFTER_PAINT;
            }
            return name;
        }

        // PrimeFaces writes its merged widget script with write(), not writeText(), in one piece; straight to the
        // wrapped writer, as Writer.write(String) would come back here through write(String, int, int)
        @Override
        public void write(String str) throws IOException {
            getWrapped().write(widgetsAfterScripts(str));
        }

        @Override
        public void write(String str, int off, int len) throws IOException {
            if (inScript && held > 0 && str != null) {
                getWrapped().write(widgetsAfterScripts(str.substring(off, off + len)));
            } else {
                getWrapped().write(str, off, len);
            }
        }

        @Override
        public void write(char[] cbuf, int off, int len) throws IOException {
            if (inScript && held > 0) {
                getWrapped().write(widgetsAfterScripts(new String(cbuf, off, len)));
            } else {
                getWrapped().write(cbuf, off, len);
            }
        }

        private String widgetsAfterScripts(String js) {
            return inScript && held > 0 && js != null ? js.replace(PARSED, listenerFor(LOADED)) : js;
        }

        private static String listenerFor(String event) {
            return "document.addEventListener(\"" + event + "\",";
        }

        @Override
        public void endElement(String name) throws IOException {
            inScript = false;
            super.endElement(name);
        }

        @Override
        public void writeText(Object text, String property) throws IOException {
            super.writeText(afterParsing(text), property);
        }

        @Override
        public void writeText(Object text, UIComponent component, String property) throws IOException {
            super.writeText(afterParsing(text), component, property);
        }

        private Object afterParsing(Object text) {
            if (inScript && text instanceof String js && js.startsWith(CSP_HANDLERS)) {
                return listenerFor(held > 0 ? LOADED : "DOMContentLoaded") + "function(){" + js + "});";
            }
            return text instanceof String js ? widgetsAfterScripts(js) : text;
        }

        @Override
        public ResponseWriter cloneWithWriter(Writer writer) {
            return new HandlersAfterParsing(getWrapped().cloneWithWriter(writer), wholePage);
        }
    }
}
