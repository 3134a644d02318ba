package dev.arena.transport;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** {@code GET /addresses} in the WAR: see {@link JoinAddresses} (the dev server answers it the same way). */
@WebServlet(urlPatterns = "/addresses")
public class JoinAddressesServlet extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        JoinAddresses.Answer answer = JoinAddresses.answer(request.getRemoteAddr(), request.getHeader("Host"),
                request::getHeader);
        response.setStatus(answer.status());
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(answer.json());
    }
}
