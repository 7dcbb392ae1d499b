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
 */
public class DeferredCspRenderKitFactory extends RenderKitFactory {

    static final String MOVE_SCRIPTS = "primefaces.MOVE_SCRIPTS_TO_BOTTOM";
    static final String CSP_HANDLERS = "PrimeFaces.csp.register(";

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
                return created == null ? null : new HandlersAfterParsing(created);
            }
        };
    }

    @Override
    public Iterator<String> getRenderKitIds() {
        return getWrapped().getRenderKitIds();
    }

    /** Wraps the text of PrimeFaces' CSP handler script in a DOMContentLoaded listener; writes the rest as it is. */
    static final class HandlersAfterParsing extends ResponseWriterWrapper {

        private boolean inScript;

        HandlersAfterParsing(ResponseWriter wrapped) {
            super(wrapped);
        }

        @Override
        public void startElement(String name, UIComponent component) throws IOException {
            inScript = "script".equalsIgnoreCase(name);
            super.startElement(name, component);
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
                return "document.addEventListener('DOMContentLoaded',function(){" + js + "});";
            }
            return text;
        }

        @Override
        public ResponseWriter cloneWithWriter(Writer writer) {
            return new HandlersAfterParsing(getWrapped().cloneWithWriter(writer));
        }
    }
}
