package com.signalhub.container;

import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

/** Checks at deployment that the stream's fast path fits this container ({@link DirectPath}). */
@WebListener
public class ContainerCheck implements ServletContextListener {

  @Inject DirectPath directPath;

  @Override
  public void contextInitialized(ServletContextEvent event) {
    directPath.selfCheck(event.getServletContext());
  }
}
